import { describe, expect, it } from 'vitest';
import enUS from './en-US';
import zhCN from './zh-CN';

const keys = (value: unknown, prefix = ''): string[] =>
  value && typeof value === 'object'
    ? Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
    : [prefix];

describe('locales', () => {
  it('en-US has exactly the keys of zh-CN, none empty', () => {
    expect(keys(enUS).sort()).toEqual(keys(zhCN).sort());
    const leaves = (v: unknown): unknown[] => (v && typeof v === 'object' ? Object.values(v).flatMap(leaves) : [v]);
    expect(leaves(enUS).every((s) => typeof s === 'string' && s.length > 0)).toBe(true);
  });
});
