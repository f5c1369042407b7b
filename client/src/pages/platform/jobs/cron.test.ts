import { describe, expect, it } from 'vitest';
import i18n from '@/i18n';
import { describeCron, describeInterval } from './cron';

const zh = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en-US');

describe('schedule in words', () => {
  it('reads the common Quartz cron shapes in Chinese', () => {
    expect(describeCron('0 30 3 * * ?', zh)).toBe('每天 03:30');
    expect(describeCron('15 0 2 ? * *', zh)).toBe('每天 02:00:15');
    expect(describeCron('0 0 8 ? * MON-FRI', zh)).toBe('每周一、周二、周三、周四、周五 08:00');
    expect(describeCron('0 0 9 ? * 2,4', zh)).toBe('每周一、周三 09:00');
    expect(describeCron('0 0 1 1,15 * ?', zh)).toBe('每月 1、15 日 01:00');
    expect(describeCron('0 0 23 L * ?', zh)).toBe('每月最后一天 23:00');
    expect(describeCron('0 0/5 * * * ?', zh)).toBe('每 5 分钟');
    expect(describeCron('0 * * * * ?', zh)).toBe('每分钟');
    expect(describeCron('0 10 * * * ?', zh)).toBe('每小时第 10 分');
    expect(describeCron('0 0 */2 * * ?', zh)).toBe('每 2 小时');
    expect(describeCron('*/30 * * * * ?', zh)).toBe('每 30 秒');
  });

  it('gives up on what it cannot say simply, and speaks English too', () => {
    expect(describeCron('0 0 12 ? 1 MON#2', zh)).toBeUndefined();
    expect(describeCron('0 0 12 ? * MON#2', zh)).toBeUndefined();
    expect(describeCron('0 0 12 * * ? 2027', zh)).toBeUndefined();
    expect(describeCron('nonsense', zh)).toBeUndefined();
    expect(describeCron('0 30 3 * * ?', en)).toBe('Daily at 03:30');
    expect(describeCron('0 0 8 ? * SAT,SUN', en)).toBe('Sat, Sun at 08:00');
  });

  it('reads intervals', () => {
    expect(describeInterval(10, zh)).toBe('每 10 秒');
    expect(describeInterval(300, zh)).toBe('每 5 分钟');
    expect(describeInterval(7200, zh)).toBe('每 2 小时');
    expect(describeInterval(90, en)).toBe('Every 90 s');
  });
});
