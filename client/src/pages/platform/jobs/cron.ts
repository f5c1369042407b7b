// A job's schedule in words: the common shapes of a Quartz cron expression (seconds minutes hours day-of-month
// month day-of-week [year]) and fixed intervals. Anything else returns undefined and the page shows the expression.
import type { TFunction } from 'i18next';

const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;
const isNumber = (s: string) => /^\d+$/.test(s);
const anyValue = (s: string) => s === '*' || s === '?';
// `*/5` or `0/5` → 5
const step = (s: string) => /^(?:\*|0)\/(\d+)$/.exec(s)?.[1];
const pad = (n: string) => n.padStart(2, '0');

/** Quartz day-of-week: SUN–SAT or 1–7 (1 = Sunday), lists and ranges; undefined when it is something else. */
function weekdays(field: string): (typeof DAYS)[number][] | undefined {
  const index = (s: string) => (isNumber(s) ? Number(s) - 1 : DAYS.indexOf(s.toUpperCase() as (typeof DAYS)[number]));
  const out: number[] = [];
  for (const part of field.split(',')) {
    const [from, to] = part.split('-');
    const a = index(from!);
    const b = to === undefined ? a : index(to);
    if (a < 0 || a > 6 || b < 0 || b > 6 || b < a) return undefined;
    for (let i = a; i <= b; i++) out.push(i);
  }
  return out.map((i) => DAYS[i]!);
}

export function describeCron(cron: string, t: TFunction): string | undefined {
  const parts = cron.trim().split(/\s+/);
  if (parts.length < 6 || parts.length > 7) return undefined;
  const [sec, min, hour, dom, month, dow, year] = parts as [string, string, string, string, string, string, string?];
  if (!anyValue(month) || (year !== undefined && year !== '*')) return undefined;
  const everyDay = anyValue(dom) && anyValue(dow);

  const secondStep = step(sec);
  if (secondStep && min === '*' && hour === '*' && everyDay) return t('jobs.cron.everySeconds', { count: Number(secondStep) });
  if (!isNumber(sec)) return undefined;
  if (everyDay && hour === '*') {
    if (min === '*') return t('jobs.cron.everyMinute');
    const minuteStep = step(min);
    if (minuteStep) return t('jobs.cron.everyMinutes', { count: Number(minuteStep) });
    if (isNumber(min)) return t('jobs.cron.hourly', { minute: Number(min) });
    return undefined;
  }
  const hourStep = step(hour);
  if (everyDay && hourStep && isNumber(min)) {
    return Number(min) === 0
      ? t('jobs.cron.everyHours', { count: Number(hourStep) })
      : t('jobs.cron.everyHoursAt', { count: Number(hourStep), minute: Number(min) });
  }
  if (!isNumber(min) || !isNumber(hour)) return undefined;
  const time = `${pad(hour)}:${pad(min)}${Number(sec) ? `:${pad(sec)}` : ''}`;
  if (everyDay) return t('jobs.cron.daily', { time });
  if (anyValue(dom)) {
    const days = weekdays(dow);
    return days ? t('jobs.cron.weekly', { days: days.map((d) => t(`jobs.weekday.${d}`)).join(t('jobs.cron.separator')), time }) : undefined;
  }
  if (anyValue(dow)) {
    if (dom === 'L') return t('jobs.cron.monthlyLast', { time });
    const days = dom.split(',');
    return days.every(isNumber) ? t('jobs.cron.monthly', { days: days.map(Number).join(t('jobs.cron.separator')), time }) : undefined;
  }
  return undefined;
}

export function describeInterval(seconds: number, t: TFunction): string {
  if (seconds >= 3600 && seconds % 3600 === 0) return t('jobs.cron.everyHours', { count: seconds / 3600 });
  if (seconds >= 60 && seconds % 60 === 0) return t('jobs.cron.everyMinutes', { count: seconds / 60 });
  return t('jobs.cron.everySeconds', { count: seconds });
}
