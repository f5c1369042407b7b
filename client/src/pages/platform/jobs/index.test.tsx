import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeMe } from '@/test/fixtures';
import { mockApi, renderPage } from '@/test/page';
import JobsPage from '.';

const jobs = [
  {
    key: 'identity.signing-keys',
    description: '检查并轮换令牌签名密钥(每日)',
    cron: '0 30 3 * * ?',
    intervalSeconds: null,
    timeZone: 'Asia/Shanghai',
    previousFireTimeUtc: '2026-11-30T19:30:00Z',
    nextFireTimeUtc: '2026-12-01T19:30:00Z',
    lastOutcome: { startedAtUtc: '2026-11-30T19:30:00Z', finishedAtUtc: '2026-11-30T19:30:01Z', succeeded: true, error: null },
    state: 'Normal',
  },
  {
    key: 'platform.outbox',
    description: '发送集成事件(发件箱)',
    cron: null,
    intervalSeconds: 10,
    timeZone: 'Asia/Shanghai',
    previousFireTimeUtc: null,
    nextFireTimeUtc: '2026-12-01T08:00:10Z',
    lastOutcome: { startedAtUtc: '2026-12-01T08:00:00Z', finishedAtUtc: '2026-12-01T08:00:02Z', succeeded: false, error: '数据库连接超时' },
    state: 'Normal',
  },
  {
    key: 'deputies.points',
    description: '计算履职积分(每月)',
    cron: '0 0 1 1 * ?',
    intervalSeconds: null,
    timeZone: 'Asia/Shanghai',
    previousFireTimeUtc: null,
    nextFireTimeUtc: '2026-12-31T17:00:00Z',
    lastOutcome: null,
    state: 'Paused',
  },
];
const runs = [
  { id: 'r2', fireInstanceId: 'f2', startedAtUtc: '2026-12-01T08:00:00Z', finishedAtUtc: '2026-12-01T08:00:02Z', succeeded: false, error: '数据库连接超时' },
  { id: 'r1', fireInstanceId: 'f1', startedAtUtc: '2026-12-01T07:59:50Z', finishedAtUtc: '2026-12-01T07:59:51.5Z', succeeded: true, error: null },
];
const operator = makeMe({ roles: ['system-admin'], permissions: ['platform.jobs.read', 'platform.jobs.run'] });
const row = (key: string) => document.querySelector<HTMLElement>(`[data-testid="jobs-table"] tr[data-row-key="${key}"]`)!;

afterEach(() => vi.unstubAllGlobals());

describe('jobs page', () => {
  it('lists the jobs with the schedule in words and the last outcome as a coloured tag', async () => {
    mockApi({ 'GET /api/platform/jobs': jobs });
    renderPage(<JobsPage />, { me: operator });
    expect(await screen.findByText('检查并轮换令牌签名密钥(每日)')).toBeInTheDocument();
    expect(within(row('identity.signing-keys')).getByText('每天 03:30')).toBeInTheDocument();
    expect(within(row('identity.signing-keys')).getByText('0 30 3 * * ?')).toBeInTheDocument();
    expect(within(row('platform.outbox')).getByText('每 10 秒')).toBeInTheDocument();
    expect(within(row('deputies.points')).getByText('每月 1 日 01:00')).toBeInTheDocument();
    expect(within(row('identity.signing-keys')).getByText('成功')).toHaveClass('ant-tag-success');
    expect(within(row('platform.outbox')).getByText('失败')).toHaveClass('ant-tag-error');
    expect(within(row('deputies.points')).getByText('尚未执行')).toBeInTheDocument();
  });

  it('runs a job now after a confirmation', async () => {
    const seen = mockApi({ 'GET /api/platform/jobs': jobs, 'POST /api/platform/jobs/platform.outbox/run': { status: 202 } });
    renderPage(<JobsPage />, { me: operator });
    fireEvent.click(await screen.findByTestId('job-run-platform.outbox'));
    expect(await screen.findByText('立即执行“发送集成事件(发件箱)”?')).toBeInTheDocument();
    expect(seen.filter((r) => r.method === 'POST')).toHaveLength(0);
    fireEvent.click(within(document.querySelector<HTMLElement>('.ant-popconfirm')!).getByRole('button', { name: '立即执行' }));
    expect(await screen.findByText('已提交执行:发送集成事件(发件箱)')).toBeInTheDocument();
    expect(seen.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/api/platform/jobs/platform.outbox/run']);
  });

  it('shows why a job cannot run now', async () => {
    mockApi({
      'GET /api/platform/jobs': jobs,
      'POST /api/platform/jobs/platform.outbox/run': () => ({
        status: 422,
        body: { status: 422, code: 'scheduler.disabled', detail: '本节点未启用定时任务调度(Scheduler:Enabled=false),无法立即执行。' },
      }),
    });
    renderPage(<JobsPage />, { me: operator });
    fireEvent.click(await screen.findByTestId('job-run-platform.outbox'));
    fireEvent.click(within(await waitFor(() => document.querySelector<HTMLElement>('.ant-popconfirm')!)).getByRole('button', { name: '立即执行' }));
    expect(await screen.findByText('本节点未启用定时任务调度(Scheduler:Enabled=false),无法立即执行。')).toBeInTheDocument();
  });

  it('shows the recent runs of a job in a drawer', async () => {
    mockApi({ 'GET /api/platform/jobs': jobs, 'GET /api/platform/jobs/platform.outbox/runs': runs });
    renderPage(<JobsPage />, { me: operator });
    fireEvent.click(await screen.findByTestId('job-runs-platform.outbox'));
    expect(await screen.findByText('执行记录:发送集成事件(发件箱)')).toBeInTheDocument();
    const table = await screen.findByTestId('job-runs');
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    expect(within(table).getByText('数据库连接超时')).toBeInTheDocument();
    expect(within(table).getByText('1.5 秒')).toBeInTheDocument();
  });

  it('does not offer run now without the permission', async () => {
    mockApi({ 'GET /api/platform/jobs': jobs });
    renderPage(<JobsPage />, { me: { ...operator, permissions: ['platform.jobs.read'] } });
    expect(await screen.findByText('检查并轮换令牌签名密钥(每日)')).toBeInTheDocument();
    expect(screen.queryByTestId('job-run-identity.signing-keys')).not.toBeInTheDocument();
    expect(screen.getByTestId('job-runs-identity.signing-keys')).toBeInTheDocument();
  });
});
