import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { formatDateTime, formatSize } from './format';

describe('formatSize', () => {
  it('writes bytes, kilobytes and megabytes, and a dash when unknown', () => {
    expect([formatSize(null), formatSize(undefined), formatSize(512), formatSize(1536), formatSize(3 * 1024 * 1024), formatSize(20 * 1024 * 1024)])
      .toEqual(['—', '—', '512 B', '1.5 KB', '3.0 MB', '20.0 MB']);
  });
});

describe('formatDateTime', () => {
  it('writes an instant in local time to the second, and a dash when there is none', () => {
    const instant = '2026-12-01T08:02:03Z';
    expect(formatDateTime(instant)).toBe(dayjs(instant).format('YYYY-MM-DD HH:mm:ss'));
    expect(formatDateTime(instant)).toMatch(/^2026-12-01 \d\d:02:03$/);
    expect([formatDateTime(null), formatDateTime(undefined), formatDateTime('')]).toEqual(['—', '—', '—']);
  });
});
