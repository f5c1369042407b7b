// 我的履职档案: what a deputy sees first — this year's points and place, records, leaves, the duty list and the timeline.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Pagination, Result, Row, Skeleton, Space, Statistic, Table, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '@/api/client';
import { asApiError } from '@/api/problem';
import { DutyListTable } from '../deputy-detail/DutyListTab';
import { markMyArchiveSeen } from '../landing';
import { PolicyNote } from '../deputy-detail/PointsTab';
import { beijingYear, DutyTimeline, YearSelect } from '../shared';

export default function MyArchivePage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(beijingYear());
  const [page, setPage] = useState(1);
  const pageSize = 20;
  useEffect(markMyArchiveSeen, []);
  const summary = useQuery({
    queryKey: ['deputies', 'me', year],
    queryFn: () => call(api.GET('/api/deputies/me', { params: { query: { year } } })),
    retry: false,
  });
  const records = useQuery({
    queryKey: ['deputies', 'me', 'records', page],
    queryFn: () => call(api.GET('/api/deputies/me/duty-records', { params: { query: { page, pageSize } } })),
    placeholderData: keepPreviousData,
    enabled: summary.data?.linked === true,
  });
  const list = useQuery({
    queryKey: ['deputies', 'me', 'duty-list', year],
    queryFn: () => call(api.GET('/api/deputies/me/duty-list', { params: { query: { year } } })),
    enabled: summary.data?.linked === true,
  });

  if (summary.isPending) return <Skeleton active />;
  if (summary.isError) {
    const problem = asApiError(summary.error);
    return <Result status="error" title={t('deputies.loadFailed')} subTitle={problem.message} />;
  }
  const me = summary.data;
  if (!me.linked) return <Result status="info" title={t('deputies.myArchive.notLinked')} subTitle={t('deputies.myArchive.notLinkedHint')} data-testid="my-archive-unlinked" />;
  return (
    <div data-testid="my-archive">
      <Card style={{ marginBottom: 16 }}>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('deputies.myArchive.title')}
            </Typography.Title>
            <Typography.Text type="secondary">
              {t('deputies.myArchive.welcome', { name: me.name })} · {me.tenantName}
              {me.workUnit ? ` · ${me.workUnit}` : ''}
            </Typography.Text>
          </div>
          <YearSelect value={year} onChange={setYear} testId="my-archive-year" />
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('deputies.myArchive.points', { year: me.year })} value={Number(me.points)} data-testid="my-points" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title={t('deputies.myArchive.rank')}
              value={me.rank === null ? '—' : Number(me.rank)}
              suffix={<Typography.Text type="secondary">{t('deputies.pointsTab.ofCount', { count: Number(me.rankedCount) })}</Typography.Text>}
              data-testid="my-rank"
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('deputies.myArchive.records')} value={Number(me.records)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={`${t('deputies.myArchive.leaves')} / ${t('deputies.myArchive.absences')}`} value={`${Number(me.leaves)} / ${Number(me.absences)}`} />
          </Card>
        </Col>
      </Row>
      <Card style={{ marginTop: 16 }}>
        <Tabs
          items={[
            {
              key: 'timeline',
              label: t('deputies.myArchive.timeline'),
              children: (
                <>
                  {records.isError ? <Alert type="error" showIcon title={asApiError(records.error).message} /> : null}
                  <DutyTimeline records={records.data?.items ?? []} loading={records.isPending} />
                  {records.data && Number(records.data.total) > pageSize ? (
                    <Pagination current={page} pageSize={pageSize} total={Number(records.data.total)} onChange={setPage} showSizeChanger={false} size="small" />
                  ) : null}
                </>
              ),
            },
            {
              key: 'points',
              label: t('deputies.pointsTab.byKind'),
              children: (
                <>
                  <Table
                    size="small"
                    rowKey="kind"
                    pagination={false}
                    dataSource={me.byKind}
                    columns={[
                      { title: t('deputies.archive.kind'), dataIndex: 'kind', render: (k: string) => t(`deputies.dutyKind.${k}`) },
                      { title: t('deputies.points'), dataIndex: 'points', align: 'right', render: (p: number | string) => Number(p) },
                    ]}
                  />
                  <div style={{ marginTop: 8 }}>
                    <PolicyNote policies={me.policies} year={Number(me.year)} />
                  </div>
                </>
              ),
            },
            {
              key: 'list',
              label: t('deputies.dutyList.title'),
              children: list.isPending ? <Skeleton active /> : list.data ? <DutyListTable list={list.data} /> : null,
            },
          ]}
        />
      </Card>
    </div>
  );
}
