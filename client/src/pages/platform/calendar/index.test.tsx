import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeMe } from '@/test/fixtures';
import { mockApi, renderPage, validationProblem } from '@/test/page';
import CalendarPage from '.';
import { monthWeeks } from './days';

const year2026 = {
  year: 2026,
  covered: true,
  note: null,
  days: [
    { date: '2026-02-14', kind: 'MakeUpWorkday', name: '春节调休上班' },
    ...[15, 16, 17, 18, 19, 20, 21, 22, 23].map((d) => ({ date: `2026-02-${d}`, kind: 'Holiday', name: '春节' })),
    { date: '2026-02-28', kind: 'MakeUpWorkday', name: '春节调休上班' },
  ],
};
const reader = makeMe({ roles: ['deputy'], permissions: ['platform.calendar.read'] });
const manager = makeMe({ roles: ['system-admin'], permissions: ['platform.calendar.read', 'platform.calendar.manage'] });
const form = () => screen.getByTestId('day-form');

beforeEach(() => {
  // The page opens on the current year (Beijing dates): pin "today" to 2026-03-02.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 2, 2, 9, 0, 0));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('month grid', () => {
  it('starts weeks on Monday and pads outside the month', () => {
    const weeks = monthWeeks(2026, 2);
    // 1 February 2026 is a Sunday: the first week is six blanks and the 1st.
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-02-01']);
    expect(weeks.at(-1)).toEqual(['2026-02-23', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28', null]);
    expect(weeks.flat().filter(Boolean)).toHaveLength(28);
    expect(monthWeeks(2028, 2).flat().filter(Boolean)).toHaveLength(29);
  });
});

describe('calendar page', () => {
  it('marks holidays red and make-up workdays blue and lists the year', async () => {
    mockApi({ 'GET /api/platform/calendar/2026': year2026 });
    renderPage(<CalendarPage />, { me: reader });
    await waitFor(() => expect(screen.getByTestId('day-2026-02-16')).toHaveAttribute('data-kind', 'Holiday'));
    expect(screen.getByTestId('calendar-year')).toHaveTextContent('2026 年');
    expect(screen.getByTestId('day-2026-02-16')).toHaveStyle({ background: '#fff1f0' });
    expect(screen.getByTestId('day-2026-02-14')).toHaveAttribute('data-kind', 'MakeUpWorkday');
    expect(screen.getByTestId('day-2026-02-14')).toHaveStyle({ background: '#e6f4ff' });
    expect(screen.getByTestId('day-2026-02-14')).toHaveAttribute('title', '2026-02-14 周六 春节调休上班(调休上班)');
    expect(screen.getByTestId('day-2026-02-14')).toHaveAttribute('aria-label', '14 2026-02-14 周六 春节调休上班(调休上班)');
    expect(screen.getByTestId('day-2026-03-07')).toHaveAttribute('data-kind', 'Weekend');
    expect(screen.getByTestId('day-2026-03-02')).toHaveAttribute('data-kind', 'Workday');
    const list = screen.getByTestId('special-days');
    expect(within(list).getAllByText('春节调休上班')).toHaveLength(2);
    expect(within(list).getByText('2026-02-14 周六')).toBeInTheDocument();
    expect(screen.queryByTestId('add-day')).not.toBeInTheDocument();
    expect(screen.queryByTestId('edit-2026-02-14')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('day-2026-03-02'));
    expect(screen.queryByTestId('day-form')).not.toBeInTheDocument();
  });

  it('warns when a year has no holidays entered', async () => {
    mockApi({
      'GET /api/platform/calendar/2026': year2026,
      'GET /api/platform/calendar/2027': { year: 2027, covered: false, note: '2027 年的节假日安排尚未录入,该年仅按周六、周日休息计算。', days: [] },
    });
    renderPage(<CalendarPage />, { me: reader });
    await screen.findAllByText('春节调休上班');
    fireEvent.click(screen.getByRole('button', { name: '下一年' }));
    expect(await screen.findByText('2027 年的节假日安排尚未录入,该年仅按周六、周日休息计算。')).toBeInTheDocument();
    expect(screen.getByText('本年尚未录入节假日安排')).toBeInTheDocument();
  });

  it('lets a manager mark a date by clicking it, checking make-up days are weekends before asking the API', async () => {
    const seen = mockApi({
      'GET /api/platform/calendar/2026': year2026,
      'PUT /api/platform/calendar/days/2026-03-06': (_, body) => ({ body: { date: '2026-03-06', ...(body as object) } }),
    });
    renderPage(<CalendarPage />, { me: manager });
    await waitFor(() => expect(screen.getByTestId('day-2026-02-16')).toHaveAttribute('data-kind', 'Holiday'));
    fireEvent.click(screen.getByTestId('day-2026-03-06'));
    expect(await screen.findByText('添加节假日或调休')).toBeInTheDocument();
    expect(screen.getByTestId('day-date')).toHaveValue('2026-03-06');
    fireEvent.click(within(form()).getByText('调休上班'));
    fireEvent.change(screen.getByTestId('day-name'), { target: { value: '临时调休' } });
    fireEvent.click(screen.getByTestId('day-save'));
    expect(await screen.findByText('调休上班日须为周六或周日')).toBeInTheDocument();
    expect(seen.filter((r) => r.method === 'PUT')).toHaveLength(0);

    fireEvent.click(within(form()).getByText('节假日'));
    fireEvent.click(screen.getByTestId('day-save'));
    expect(await screen.findByText('已保存:2026-03-06 临时调休')).toBeInTheDocument();
    const put = seen.filter((r) => r.method === 'PUT');
    expect(put.map((r) => [r.path, r.body])).toEqual([['/api/platform/calendar/days/2026-03-06', { kind: 'Holiday', name: '临时调休' }]]);
  });

  it('puts the API’s field errors on the form', async () => {
    const seen = mockApi({
      'GET /api/platform/calendar/2026': year2026,
      'PUT /api/platform/calendar/days/2026-02-14': () => validationProblem({ name: ['请填写名称(不超过 50 个字)。'] }),
    });
    renderPage(<CalendarPage />, { me: manager });
    fireEvent.click(await screen.findByTestId('edit-2026-02-14'));
    expect(await screen.findByText('修改节假日或调休')).toBeInTheDocument();
    expect(screen.getByTestId('day-date')).toBeDisabled();
    expect(screen.getByTestId('day-name')).toHaveValue('春节调休上班');
    fireEvent.click(screen.getByTestId('day-save'));
    await waitFor(() => expect(seen.filter((r) => r.method === 'PUT')).toHaveLength(1));
    expect(await screen.findByText('请填写名称(不超过 50 个字)。')).toBeInTheDocument();
  });

  it('deletes a special day after a confirmation', async () => {
    const seen = mockApi({ 'GET /api/platform/calendar/2026': year2026, 'DELETE /api/platform/calendar/days/2026-02-28': { status: 204 } });
    renderPage(<CalendarPage />, { me: manager });
    fireEvent.click(await screen.findByTestId('delete-2026-02-28'));
    const confirm = await waitFor(() => document.querySelector<HTMLElement>('.ant-popconfirm')!);
    expect(within(confirm).getByText('删除 2026-02-28“春节调休上班”?该日将恢复为普通工作日或周末。')).toBeInTheDocument();
    fireEvent.click(within(confirm).getByRole('button', { name: /删\s*除/ }));
    expect(await screen.findByText('已删除 2026-02-28')).toBeInTheDocument();
    expect(seen.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual(['/api/platform/calendar/days/2026-02-28']);
  });

  it('answers which day is N working days later, with the special days on the way', async () => {
    const seen = mockApi({
      'GET /api/platform/calendar/2026': year2026,
      'GET /api/platform/calendar/working-days': {
        from: '2026-02-13',
        days: 2,
        date: '2026-02-24',
        isWorkingDay: true,
        dayType: 'Workday',
        name: null,
        specialDays: year2026.days.slice(0, 10),
        covered: true,
        note: null,
      },
    });
    renderPage(<CalendarPage />, { me: reader });
    await screen.findAllByText('春节调休上班');
    fireEvent.change(screen.getByTestId('calc-from'), { target: { value: '2026-02-13' } });
    fireEvent.change(screen.getByTestId('calc-days'), { target: { value: '2' } });
    fireEvent.click(screen.getByTestId('calc-submit'));
    const result = await screen.findByTestId('calc-result');
    expect(result).toHaveTextContent('2026-02-13 起 2 个工作日后是 2026-02-24(周二)');
    expect(within(result).getByText('02-14 春节调休上班')).toBeInTheDocument();
    const asked = seen.find((r) => r.path === '/api/platform/calendar/working-days')!;
    expect([asked.search.get('from'), asked.search.get('days')]).toEqual(['2026-02-13', '2']);
  });

  it('refuses a negative number of days without asking the API', async () => {
    const seen = mockApi({ 'GET /api/platform/calendar/2026': year2026 });
    renderPage(<CalendarPage />, { me: reader });
    await screen.findAllByText('春节调休上班');
    fireEvent.change(screen.getByTestId('calc-days'), { target: { value: '-3' } });
    fireEvent.click(screen.getByTestId('calc-submit'));
    expect(await screen.findByText('请输入 0 至 1000 之间的整数')).toBeInTheDocument();
    expect(seen.some((r) => r.path.endsWith('working-days'))).toBe(false);
  });
});
