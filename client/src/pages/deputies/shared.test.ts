import { describe, expect, it } from 'vitest';
import { beijingToday, beijingYear, recordState, type DutyRecord } from './shared';

const record = (over: Partial<DutyRecord>): DutyRecord => ({
  id: '1',
  deputyId: 'd',
  tenantId: 't',
  kind: 'StudyAttended',
  occurredOn: '2026-03-02',
  title: '集中学习',
  sourceModule: 'deputies',
  attendance: 'Attended',
  leaveReason: null,
  evidence: null,
  beneficiaries: null,
  beneficiaryCount: null,
  amount: null,
  correctsRecordId: null,
  correctionReason: null,
  withdrawn: false,
  counts: true,
  correctedBy: null,
  recordedAtUtc: '2026-03-02T01:00:00Z',
  ...over,
});

describe('deputies shared', () => {
  it('takes the year and the day in Beijing, not in the browser', () => {
    expect(beijingYear(new Date('2025-12-31T16:00:00Z'))).toBe(2026);
    expect(beijingYear(new Date('2025-12-31T15:59:00Z'))).toBe(2025);
    expect(beijingToday(new Date('2026-03-01T17:00:00Z'))).toBe('2026-03-02');
  });

  it('tells corrected, withdrawn, correcting and uncounted records apart', () => {
    expect(recordState(record({}))).toBe('counts');
    expect(recordState(record({ counts: false, attendance: 'Leave' }))).toBe('noCount');
    expect(recordState(record({ counts: false, correctedBy: { id: '2', reason: '错登', withdrawn: true, recordedAtUtc: '' } }))).toBe('corrected');
    expect(recordState(record({ correctsRecordId: '0', withdrawn: true, counts: false }))).toBe('withdrawal');
    expect(recordState(record({ correctsRecordId: '0' }))).toBe('correction');
  });
});
