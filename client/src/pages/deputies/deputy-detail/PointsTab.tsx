// 履职积分 tab of the deputy profile: the year's points by kind and the place in the active scope's ranking, with the
// policy revision they were computed with.
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Row, Skeleton, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '@/api/client';
import { asApiError } from '@/api/problem';
import { beijingYear, YearSelect } from '../shared';

type Policy = Schemas['PolicyUsedDto'];

export function PolicyNote({ policies, year }: { policies: Policy[]; year: number }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={0} data-testid="policy-note">
      {policies.map((p) => (
        <Typography.Text type="secondary" key={p.tenantId}>
          {Number(p.revision) > 0
            ? t('deputies.pointsTab.policy', { tenant: p.tenantName, year, revision: Number(p.revision) })
            : t('deputies.pointsTab.defaultPolicy', { tenant: p.tenantName, year })}
        </Typography.Text>
      ))}
    </Space>
  );
}

export default function PointsTab({ deputyId }: { deputyId: string }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(beijingYear());
  const ranking = useQuery({
    queryKey: ['deputies', 'rankings', { year, deputyId }],
    queryFn: () => call(api.GET('/api/deputies/rankings', { params: { query: { year, deputyId } } })),
  });
  const entry = ranking.data?.entries.find((e) => e.deputyId === deputyId);
  return (
    <div data-testid="points-tab">
      <Space style={{ marginBottom: 12 }}>
        <YearSelect value={year} onChange={setYear} testId="points-year" />
      </Space>
      {ranking.isPending ? (
        <Skeleton active />
      ) : ranking.isError ? (
        <Alert type="error" showIcon title={t('deputies.loadFailed')} description={asApiError(ranking.error).message} />
      ) : !entry ? (
        <Empty description={t('deputies.pointsTab.notRanked')} />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Card>
                <Statistic title={t('deputies.pointsTab.total')} value={Number(entry.total)} data-testid="points-total" />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card>
                <Statistic
                  title={t('deputies.pointsTab.rank')}
                  value={Number(entry.rank)}
                  suffix={<Typography.Text type="secondary">{t('deputies.pointsTab.ofCount', { count: Number(ranking.data.count) })}</Typography.Text>}
                />
              </Card>
            </Col>
          </Row>
          <Table
            style={{ marginTop: 16 }}
            size="small"
            rowKey="kind"
            pagination={false}
            dataSource={entry.byKind}
            columns={[
              { title: t('deputies.archive.kind'), dataIndex: 'kind', render: (k: string) => t(`deputies.dutyKind.${k}`) },
              { title: t('deputies.points'), dataIndex: 'points', align: 'right', render: (p: number | string) => Number(p) },
            ]}
          />
          <div style={{ marginTop: 8 }}>
            <PolicyNote policies={ranking.data.policies} year={year} />
          </div>
        </>
      )}
    </div>
  );
}
