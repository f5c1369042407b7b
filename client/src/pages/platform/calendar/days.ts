// Date arithmetic of the calendar page, on 'YYYY-MM-DD' strings (the API's DateOnly): no time zones involved.
import dayjs from 'dayjs';

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
export const MAX_DAYS = 1000;
export const NAME_MAX = 50;

/** 0 = Monday … 6 = Sunday. */
export const weekdayIndex = (date: string) => (dayjs(date).day() + 6) % 7;

export const isWeekend = (date: string) => weekdayIndex(date) >= 5;

export const isValidDate = (value: string | undefined | null): value is string =>
  !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value).format('YYYY-MM-DD') === value;

export const inRange = (date: string) => {
  const year = Number(date.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
};

/** The weeks of a month, Monday first: each a row of 7 cells, null outside the month. */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const first = dayjs(new Date(year, month - 1, 1));
  const cells: (string | null)[] = Array.from({ length: weekdayIndex(first.format('YYYY-MM-DD')) }, () => null);
  for (let d = 1; d <= first.daysInMonth(); d++) cells.push(first.date(d).format('YYYY-MM-DD'));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
