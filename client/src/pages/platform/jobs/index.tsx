// 定时任务: the platform's recurring jobs (GET /api/platform/jobs) with their schedule in words, next run and last
// outcome; "run now" (POST …/{key}/run, after a confirmation) and the recent runs in a drawer (GET …/{key}/runs).
import { HistoryOutlined, PlayCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Drawer, Grid, Popconfirm, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '@/api/client';
import { asApiError } from '@/api/problem';
import { useSession } from '@/auth/me';
import ProblemResult from '@/components/ProblemResult';
import { useShowError } from '@/components/useShowError';
import { describeCron, describeInterval } from './cron';
import { formatDateTime } from '@/components/format';

type Job = Schemas['ScheduledJobDto'];
type Run = Schemas['JobRunDto'];
type Outcome = Pick<Run, 'finishedAtUtc' | 'succeeded' | 'error'>;

const jobsKey = ['platform', 'jobs'] as const;
const runsKey = (key: string) => ['platform', 'jobs', key, 'runs'] as const;


function OutcomeTag({ outcome }: { outcome: Outcome | null | undefined }) {
  const { t } = useTranslation();
  if (!outcome) return <Tag>{t('enums.jobOutcome.never')}</Tag>;
  if (!outcome.finishedAtUtc) return <Tag color="processing">{t('enums.jobOutcome.running')}</Tag>;
  if (outcome.succeeded) return <Tag color="success">{t('enums.jobOutcome.succeeded')}</Tag>;
  return (
    <Tooltip title={outcome.error}>
      <Tag color="error">{t('enums.jobOutcome.failed')}</Tag>
    </Tooltip>
  );
}

function Schedule({ job }: { job: Job }) {
  const { t } = useTranslation();
  if (job.cron) {
    const words = describeCron(job.cron, t);
    return (
      <Space orientation="vertical" size={0}>
        {words ? <span>{words}</span> : null}
        <Typography.Text type="secondary" code title={t('jobs.timeZone', { zone: job.timeZone })}>
          {job.cron}
        </Typography.Text>
      </Space>
    );
  }
  return job.intervalSeconds != null ? <span>{describeInterval(Number(job.intervalSeconds), t)}</span> : <span>—</span>;
}

function RunsDrawer({ job, onClose }: { job: Job; onClose: () => void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const runs = useQuery({
    queryKey: runsKey(job.key),
    queryFn: () => call(api.GET('/api/platform/jobs/{key}/runs', { params: { path: { key: job.key } } })),
    refetchInterval: (query) => (query.state.data?.some((r) => !r.finishedAtUtc) ? 5000 : false),
  });
  const columns: TableColumnsType<Run> = [
    { title: t('jobs.startedAt'), dataIndex: 'startedAtUtc', key: 'startedAt', render: formatDateTime },
    {
      title: t('jobs.duration'),
      key: 'duration',
      render: (_, r) =>
        r.finishedAtUtc
          ? t('jobs.seconds', { count: Math.round(Math.max(0, dayjs(r.finishedAtUtc).diff(r.startedAtUtc, 'millisecond')) / 100) / 10 })
          : '—',
    },
    { title: t('jobs.outcome'), key: 'outcome', render: (_, r) => <OutcomeTag outcome={r} /> },
    {
      title: t('jobs.error'),
      dataIndex: 'error',
      key: 'error',
      render: (error: string | null) =>
        error ? (
          <Typography.Paragraph type="danger" ellipsis={{ rows: 2, expandable: true }} style={{ marginBottom: 0, maxWidth: 320 }}>
            {error}
          </Typography.Paragraph>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <Drawer open title={t('jobs.runsTitle', { name: job.description })} onClose={onClose} size={screens.md ? 720 : '100%'}>
      <Typography.Paragraph type="secondary">{t('jobs.runsHint')}</Typography.Paragraph>
      {runs.isError ? (
        <ProblemResult error={runs.error} onRetry={() => void runs.refetch()} extra={[]} />
      ) : (
        <Table<Run>
          data-testid="job-runs"
          rowKey="id"
          size="small"
          loading={runs.isPending}
          dataSource={runs.data ?? []}
          columns={columns}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('jobs.noRuns') }}
        />
      )}
    </Drawer>
  );
}

export default function JobsPage() {
  const { t } = useTranslation();
  const { access } = useSession();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [runsOf, setRunsOf] = useState<Job>();

  const jobs = useQuery({
    queryKey: jobsKey,
    queryFn: () => call(api.GET('/api/platform/jobs')),
    // While a run is in progress, look again now and then.
    refetchInterval: (query) => (query.state.data?.some((j) => j.lastOutcome && !j.lastOutcome.finishedAtUtc) ? 5000 : false),
  });
  const run = useMutation({
    mutationFn: (job: Job) => call(api.POST('/api/platform/jobs/{key}/run', { params: { path: { key: job.key } } })),
    onSuccess: (_, job) => {
      void message.success(t('jobs.runStarted', { name: job.description }));
      // The scheduler picks the firing up in a moment: look again shortly.
      setTimeout(() => {
        void queryClient.invalidateQueries({ queryKey: jobsKey });
      }, 1500);
    },
    onError: (error) => showError(error),
  });

  if (jobs.isError && !jobs.data) return <ProblemResult error={jobs.error} onRetry={() => void jobs.refetch()} />;

  const columns: TableColumnsType<Job> = [
    {
      title: t('jobs.job'),
      key: 'job',
      render: (_, job) => (
        <Space orientation="vertical" size={0}>
          <span>{job.description}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {job.key}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('jobs.schedule'), key: 'schedule', render: (_, job) => <Schedule job={job} /> },
    { title: t('jobs.nextRun'), dataIndex: 'nextFireTimeUtc', key: 'next', responsive: ['md'], render: formatDateTime },
    { title: t('jobs.outcome'), key: 'outcome', render: (_, job) => <OutcomeTag outcome={job.lastOutcome} /> },
    { title: t('jobs.lastRun'), key: 'last', responsive: ['sm'], render: (_, job) => formatDateTime(job.lastOutcome?.startedAtUtc) },
    {
      title: t('jobs.state'),
      dataIndex: 'state',
      key: 'state',
      responsive: ['lg'],
      render: (state: string) => (
        <Tag color={state === 'Error' ? 'error' : state === 'Paused' ? 'warning' : undefined}>
          {t(`enums.jobState.${state}`, { defaultValue: state })}
        </Tag>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, job) => (
        <Space size={0} wrap>
          {access.canRunJobs ? (
            <Popconfirm
              title={t('jobs.runConfirm', { name: job.description })}
              description={t('jobs.runConfirmHint')}
              okText={t('jobs.runNow')}
              cancelText={t('common.cancel')}
              onConfirm={() => run.mutateAsync(job).catch(() => undefined)}
            >
              <Button
                type="link"
                size="small"
                icon={<PlayCircleOutlined />}
                data-testid={`job-run-${job.key}`}
                loading={run.isPending && run.variables?.key === job.key}
              >
                {t('jobs.runNow')}
              </Button>
            </Popconfirm>
          ) : null}
          <Button type="link" size="small" icon={<HistoryOutlined />} data-testid={`job-runs-${job.key}`} onClick={() => setRunsOf(job)}>
            {t('jobs.runs')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('jobs.title')}
      data-testid="jobs-page"
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void jobs.refetch()} loading={jobs.isFetching && !jobs.isPending}>
          {t('common.refresh')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('jobs.intro')}</Typography.Paragraph>
      {jobs.isError ? <Typography.Text type="danger">{asApiError(jobs.error).message}</Typography.Text> : null}
      <Table<Job>
        data-testid="jobs-table"
        rowKey="key"
        size="middle"
        loading={jobs.isPending}
        dataSource={jobs.data ?? []}
        columns={columns}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('jobs.empty') }}
      />
      {runsOf ? <RunsDrawer job={runsOf} onClose={() => setRunsOf(undefined)} /> : null}
    </Card>
  );
}
