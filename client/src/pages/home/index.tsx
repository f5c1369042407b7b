// 工作台: the active tenant at a glance, every figure from a real API call the user may make.
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, List, Row, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { api, call, type Schemas } from '@/api/client';
import { asApiError } from '@/api/problem';
import { useSession } from '@/auth/me';
import { formatDateTime } from '@/components/format';
import { hasSeenMyArchive } from '@/pages/deputies/landing';

const Chart = lazy(() => import('@/components/charts/Chart'));

type Job = Schemas['ScheduledJobDto'];
const UNIT_PAGE = 200; // the API's largest page

function QueryError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return <Alert type="error" showIcon title={t('home.loadFailed')} description={asApiError(error).message} />;
}

function HomePage() {
  const { t } = useTranslation();
  const { me, access } = useSession();

  const units = useQuery({
    queryKey: ['identity', 'handling-units', { pageSize: UNIT_PAGE }],
    queryFn: () => call(api.GET('/api/identity/handling-units', { params: { query: { pageSize: UNIT_PAGE } } })),
    enabled: access.canReadHandlingUnits,
  });
  const isDistrict = me.tenant.kind === 'District';
  const tenants = useQuery({
    queryKey: ['identity', 'tenants'],
    queryFn: () => call(api.GET('/api/identity/tenants')),
    enabled: access.canReadTenants && isDistrict,
  });
  const jobs = useQuery({
    queryKey: ['platform', 'jobs'],
    queryFn: () => call(api.GET('/api/platform/jobs')),
    enabled: access.canReadJobs,
  });

  const roleName = (role: string) => t(`enums.role.${role}`, { defaultValue: role });
  const kindName = (kind: string) => t(`enums.tenantKind.${kind}`, { defaultValue: kind });
  const childCount = tenants.data?.filter((x) => x.parentId === me.tenant.id).length;
  const failedJobs = jobs.data?.filter((j) => j.lastOutcome && !j.lastOutcome.succeeded).length ?? 0;

  const byKind = useMemo(() => {
    const counts = new Map<string, number>();
    for (const unit of units.data?.items ?? []) counts.set(unit.kind, (counts.get(unit.kind) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1]);
  }, [units.data]);
  const unitsTotal = units.data ? Number(units.data.total) : undefined;

  const jobColumns = [
    { title: t('home.job'), dataIndex: 'description', key: 'description', render: (v: string, j: Job) => <span title={j.key}>{v}</span> },
    {
      title: t('home.schedule'),
      key: 'schedule',
      responsive: ['md' as const],
      render: (_: unknown, j: Job) => (j.cron ? <code>{j.cron}</code> : t('home.everySeconds', { seconds: Number(j.intervalSeconds) })),
    },
    { title: t('home.lastRun'), key: 'last', render: (_: unknown, j: Job) => formatDateTime(j.lastOutcome?.startedAtUtc) },
    {
      title: t('home.outcome'),
      key: 'outcome',
      render: (_: unknown, j: Job) =>
        !j.lastOutcome ? (
          <Tag>{t('home.neverRun')}</Tag>
        ) : !j.lastOutcome.finishedAtUtc ? (
          <Tag color="processing">{t('home.running')}</Tag>
        ) : j.lastOutcome.succeeded ? (
          <Tag color="success">{t('home.succeeded')}</Tag>
        ) : (
          <Tag color="error" title={j.lastOutcome.error ?? undefined}>
            {t('home.failed')}
          </Tag>
        ),
    },
    { title: t('home.nextRun'), key: 'next', responsive: ['lg' as const], render: (_: unknown, j: Job) => formatDateTime(j.nextFireTimeUtc) },
  ];

  return (
    <div className="home-page" data-testid="home-page">
      <Card className="home-welcome">
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="home-tenant">
          {me.tenant.name}
        </Typography.Title>
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          {t('home.welcome', { name: me.user.displayName })} ·{' '}
          {t('home.tenantKindRoles', { kind: kindName(me.tenant.kind), roles: me.roles.map(roleName).join('、') })}
        </Typography.Paragraph>
        {me.tenant.supervised ? <Typography.Text type="warning">{t('home.supervisedHint')}</Typography.Text> : null}
      </Card>

      <Row gutter={[16, 16]} className="home-stats">
        {access.canReadHandlingUnits ? (
          <Col xs={24} sm={12} lg={6}>
            <Card data-testid="stat-handling-units">
              {units.isError ? (
                <QueryError error={units.error} />
              ) : (
                <Statistic title={t('home.handlingUnits')} value={unitsTotal ?? '—'} loading={units.isPending} />
              )}
              <Typography.Text type="secondary">{t('home.handlingUnitsHint')}</Typography.Text>
            </Card>
          </Col>
        ) : null}
        {access.canReadTenants && isDistrict ? (
          <Col xs={24} sm={12} lg={6}>
            <Card data-testid="stat-child-tenants">
              {tenants.isError ? (
                <QueryError error={tenants.error} />
              ) : (
                <Statistic title={t('home.childTenants')} value={childCount ?? '—'} loading={tenants.isPending} />
              )}
              <Typography.Text type="secondary">{t('home.childTenantsHint')}</Typography.Text>
            </Card>
          </Col>
        ) : null}
        {access.canReadJobs ? (
          <Col xs={24} sm={12} lg={6}>
            <Card data-testid="stat-jobs">
              {jobs.isError ? (
                <QueryError error={jobs.error} />
              ) : (
                <Statistic title={t('home.jobs')} value={jobs.data?.length ?? '—'} loading={jobs.isPending} />
              )}
              <Typography.Text type={failedJobs > 0 ? 'danger' : 'secondary'}>
                {failedJobs > 0 ? t('home.jobsFailed', { count: failedJobs }) : t('home.jobsAllOk')}
              </Typography.Text>
            </Card>
          </Col>
        ) : null}
        <Col xs={24} sm={12} lg={6}>
          <Card data-testid="stat-seats">
            <Statistic title={t('home.seats')} value={me.memberships.length} />
            <Typography.Text type="secondary">{t('home.seatsHint')}</Typography.Text>
          </Card>
        </Col>
      </Row>

      <Row gutter={[16, 16]}>
        {access.canReadHandlingUnits ? (
          <Col xs={24} lg={12}>
            <Card
              title={t('home.unitsByKind')}
              extra={
                unitsTotal !== undefined && unitsTotal > UNIT_PAGE ? (
                  <Typography.Text type="secondary">{t('home.unitsByKindPartial', { shown: UNIT_PAGE, total: unitsTotal })}</Typography.Text>
                ) : null
              }
            >
              {units.isPending ? (
                <Skeleton active />
              ) : units.isError ? (
                <QueryError error={units.error} />
              ) : byKind.length === 0 ? (
                <Empty description={t('home.noUnits')} />
              ) : (
                <Suspense fallback={<Skeleton active />}>
                  <Chart
                    testId="chart-units-by-kind"
                    label={`${t('home.unitsByKind')}: ${byKind.map(([k, n]) => `${t(`enums.handlingUnitKind.${k}`, { defaultValue: k })} ${n}`).join(', ')}`}
                    option={{
                      tooltip: { trigger: 'axis' },
                      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
                      xAxis: { type: 'value', minInterval: 1 },
                      yAxis: {
                        type: 'category',
                        inverse: true,
                        data: byKind.map(([k]) => t(`enums.handlingUnitKind.${k}`, { defaultValue: k })),
                      },
                      series: [{ type: 'bar', name: t('home.handlingUnits'), data: byKind.map(([, n]) => n), barMaxWidth: 28, label: { show: true, position: 'right' } }],
                    }}
                  />
                </Suspense>
              )}
            </Card>
          </Col>
        ) : null}
        <Col xs={24} lg={access.canReadHandlingUnits ? 12 : 24}>
          <Card title={t('home.seatsTitle')}>
            <List
              data-testid="home-seats"
              dataSource={me.memberships}
              renderItem={(m) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <span>
                        {m.tenantName} {m.tenantId === me.tenant.id ? <Tag color="blue">{t('home.current')}</Tag> : null}
                      </span>
                    }
                    description={`${kindName(m.tenantKind)} · ${m.roles.map(roleName).join('、')}`}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        {access.canReadJobs ? (
          <Col xs={24}>
            <Card title={t('home.jobsTitle')}>
              {jobs.isError ? (
                <QueryError error={jobs.error} />
              ) : (
                <Table<Job>
                  data-testid="home-jobs"
                  rowKey="key"
                  size="small"
                  loading={jobs.isPending}
                  dataSource={jobs.data ?? []}
                  columns={jobColumns}
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                />
              )}
            </Card>
          </Col>
        ) : null}
      </Row>
    </div>
  );
}

/**
 * A user who is only a deputy starts on their own archive (我的履职档案) — once a browser session: after that, 工作台
 * opens the dashboard like for everyone else.
 */
export default function HomeRoute() {
  const { access } = useSession();
  if (access.isOnlyDeputy && access.canReadMyArchive && !hasSeenMyArchive()) return <Navigate to="/deputies/my-archive" replace />;
  return <HomePage />;
}
