// What the deputies pages share: the kinds of duty, the year, the deputy picker and the archive's timeline.
import { useQuery } from '@tanstack/react-query';
import { Empty, List, Select, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '@/api/client';

export type DutyKind = Schemas['DutyKind'];
export type DutyRecord = Schemas['DutyRecordDto'];

export const DUTY_KINDS: DutyKind[] = [
  'StudyAttended',
  'InspectionJoined',
  'StationDutyServed',
  'VotersReceived',
  'SuggestionRaised',
  'DeedForPeople',
  'ReportBackGiven',
  'GroupActivity',
];

/** This year in Beijing, whatever the browser's zone. */
export function beijingYear(now: Date = new Date()): number {
  return new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
}

/** Today in Beijing as yyyy-mm-dd (the API's dates). */
export function beijingToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The years a picker offers: this one and the four before, and next year for planning. */
export function yearOptions(current = beijingYear()) {
  return [current + 1, current, current - 1, current - 2, current - 3, current - 4].map((y) => ({ value: y, label: String(y) }));
}

export function YearSelect({ value, onChange, testId }: { value: number; onChange: (y: number) => void; testId?: string }) {
  const { t } = useTranslation();
  return <Select aria-label={t('deputies.year')} data-testid={testId} value={value} onChange={onChange} options={yearOptions()} style={{ width: 100 }} />;
}

export function useKindOptions() {
  const { t } = useTranslation();
  return DUTY_KINDS.map((k) => ({ value: k, label: t(`deputies.dutyKind.${k}`) }));
}

/** The deputies the active scope ranks (serving deputies), for pickers: the ranking lists every one with a name. */
export function useDeputyOptions(enabled = true) {
  const year = beijingYear();
  const ranking = useQuery({
    queryKey: ['deputies', 'rankings', { year }],
    queryFn: () => call(api.GET('/api/deputies/rankings', { params: { query: { year } } })),
    enabled,
  });
  const options = (ranking.data?.entries ?? [])
    .map((e) => ({ value: e.deputyId, label: e.name }))
    .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  return { options, loading: ranking.isPending && enabled };
}

/** A record's state as the timeline shows it: counted, on leave, corrected, withdrawn, or a correction. */
export function recordState(record: DutyRecord): 'counts' | 'corrected' | 'withdrawal' | 'correction' | 'noCount' {
  if (record.correctedBy) return 'corrected';
  if (record.correctsRecordId) return record.withdrawn ? 'withdrawal' : 'correction';
  return record.counts ? 'counts' : 'noCount';
}

const money = (amount: DutyRecord['amount']) =>
  amount === null || amount === undefined ? null : `¥${Number(amount).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}`;

/** The archive's timeline: newest first, corrected records struck through with the correction's reason. */
export function DutyTimeline({
  records,
  loading,
  actions,
}: {
  records: DutyRecord[];
  loading?: boolean;
  actions?: (record: DutyRecord) => ReactNode;
}) {
  const { t } = useTranslation();
  if (!loading && records.length === 0) return <Empty description={t('deputies.archive.empty')} />;
  return (
    <List<DutyRecord>
      data-testid="duty-timeline"
      loading={loading}
      dataSource={records}
      renderItem={(r) => {
        const state = recordState(r);
        return (
          <List.Item data-testid="duty-record" data-state={state} actions={actions ? [actions(r)] : undefined}>
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <Typography.Text type="secondary">{r.occurredOn}</Typography.Text>
                  <Tag color="blue">{t(`deputies.dutyKind.${r.kind}`)}</Tag>
                  <Typography.Text delete={state === 'corrected'}>{r.title}</Typography.Text>
                  {r.attendance !== 'Attended' ? (
                    <Tag color={r.attendance === 'Leave' ? 'default' : 'red'}>{t(`deputies.attendance.${r.attendance}`)}</Tag>
                  ) : null}
                  {state === 'corrected' ? (
                    <Tag color="default">{r.correctedBy?.withdrawn ? t('deputies.archive.withdrawn') : t('deputies.archive.corrected')}</Tag>
                  ) : null}
                  {state === 'correction' || state === 'withdrawal' ? <Tag color="purple">{t('deputies.archive.correction')}</Tag> : null}
                </Space>
              }
              description={
                <Space orientation="vertical" size={0}>
                  {r.tenantName ? <span data-testid="duty-record-tenant">{r.tenantName}</span> : null}
                  {r.leaveReason ? <span>{`${t('deputies.archive.leaveReason')}:${r.leaveReason}`}</span> : null}
                  {r.beneficiaries ? (
                    <span>
                      {`${t('deputies.archive.beneficiaries')}:${r.beneficiaries}`}
                      {r.beneficiaryCount ? `(${Number(r.beneficiaryCount)} 人)` : ''}
                      {money(r.amount) ? ` · ${money(r.amount)}` : ''}
                    </span>
                  ) : null}
                  {r.evidence ? <span>{`${t('deputies.archive.evidence')}:${r.evidence}`}</span> : null}
                  {r.correctionReason ? <span>{t('deputies.archive.correctedBy', { reason: r.correctionReason })}</span> : null}
                  {r.correctedBy ? <span>{t('deputies.archive.correctedBy', { reason: r.correctedBy.reason })}</span> : null}
                </Space>
              }
            />
          </List.Item>
        );
      }}
    />
  );
}
