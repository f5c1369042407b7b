// 履职积分排名: the year's (or a quarter's) ranking of this tenant, of one group, or of the whole district (the
// supervisor); ties share a place (1, 1, 3). The group ranking by average points, and the awards shortlist
// (优秀代表 top N or X%, 先进代表小组), each naming the policy revision it was computed with.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Drawer, InputNumber, Radio, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '@/api/client';
import { asApiError } from '@/api/problem';
import { useSession } from '@/auth/me';
import ExportButton from '@/components/ExportButton';
import ArchiveTab from '../deputy-detail/ArchiveTab';
import DutyListTab from '../deputy-detail/DutyListTab';
import PointsTab, { PolicyNote } from '../deputy-detail/PointsTab';
import { beijingYear, YearSelect } from '../shared';

type Entry = Schemas['RankingEntryDto'];
type GroupEntry = Schemas['GroupRankingEntryDto'];
type Scope = 'tenant' | 'group' | 'district';

const PAGE_SIZE = 50;

/** Marks a shared place: a rank that the row before or after holds too. */
export function tiedRanks(ranks: number[]): Set<number> {
  const seen = new Map<number, number>();
  for (const r of ranks) seen.set(r, (seen.get(r) ?? 0) + 1);
  return new Set([...seen].filter(([, n]) => n > 1).map(([r]) => r));
}

function RankCell({ rank, tied }: { rank: number; tied: boolean }) {
  const { t } = useTranslation();
  return (
    <Space size={4}>
      <strong>{rank}</strong>
      {tied ? <Tag color="default">{t('deputies.rankings.tie')}</Tag> : null}
    </Space>
  );
}

export default function RankingsPage() {
  const { t } = useTranslation();
  const { me, access } = useSession();
  const [year, setYear] = useState(beijingYear());
  const [quarter, setQuarter] = useState<number>();
  const [scope, setScope] = useState<Scope>(me.tenant.kind === 'District' ? 'district' : 'tenant');
  const [groupId, setGroupId] = useState<string>();
  const [tenantId, setTenantId] = useState<string>();
  const [top, setTop] = useState<number | null>(10);
  const [percent, setPercent] = useState<number | null>(null);
  const [opened, setOpened] = useState<Entry>();
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [year, quarter, scope, groupId, tenantId]);

  const groups = useQuery({ queryKey: ['deputies', 'groups'], queryFn: () => call(api.GET('/api/deputies/groups')), enabled: access.canReadGroups });
  const tenants = useQuery({
    queryKey: ['identity', 'tenants'],
    queryFn: () => call(api.GET('/api/identity/tenants')),
    enabled: access.canReadTenants && access.canSupervise,
  });
  const filter = {
    year,
    quarter,
    groupId: scope === 'group' ? groupId : undefined,
    tenantId: scope === 'tenant' && me.tenant.kind === 'District' ? tenantId : undefined,
  };
  // One page of the ranking at a time: a district has thousands of deputies (the server keeps the whole ranking cached).
  const ranking = useQuery({
    queryKey: ['deputies', 'rankings', filter, page],
    queryFn: () => call(api.GET('/api/deputies/rankings', { params: { query: { ...filter, page, pageSize: PAGE_SIZE } } })),
    placeholderData: (previous) => previous,
    enabled: scope !== 'group' || !!groupId,
  });
  const groupRanking = useQuery({
    queryKey: ['deputies', 'rankings', 'groups', { year, quarter }],
    queryFn: () => call(api.GET('/api/deputies/rankings/groups', { params: { query: { year, quarter } } })),
  });
  const shortlist = useQuery({
    queryKey: ['deputies', 'rankings', 'shortlist', { year, top, percent }],
    queryFn: () =>
      call(api.GET('/api/deputies/rankings/shortlist', { params: { query: { year, top: top ?? undefined, percent: percent ?? undefined, groupTop: 1 } } })),
  });

  const entries = ranking.data?.entries ?? [];
  const tied = tiedRanks(entries.map((e) => Number(e.rank)));
  const groupTied = tiedRanks((groupRanking.data ?? []).map((g) => Number(g.rank)));
  const deputyColumns = [
    { title: t('deputies.rank'), key: 'rank', width: 90, render: (_: unknown, e: Entry) => <RankCell rank={Number(e.rank)} tied={tied.has(Number(e.rank))} /> },
    {
      title: t('deputies.name'),
      key: 'name',
      render: (_: unknown, e: Entry) =>
        access.canReadDutyRecords ? (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpened(e)} data-testid="ranking-deputy">
            {e.name}
          </Button>
        ) : (
          e.name
        ),
    },
    { title: t('deputies.rankings.tenant'), dataIndex: 'tenantName', responsive: ['md' as const] },
    { title: t('deputies.rankings.group'), dataIndex: 'groupName', responsive: ['lg' as const] },
    { title: t('deputies.points'), dataIndex: 'total', align: 'right' as const, render: (v: number | string) => Number(v) },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="rankings-page">
      <Card>
        <Space wrap>
          <YearSelect value={year} onChange={setYear} testId="rankings-year" />
          <Select
            aria-label={t('deputies.quarter')}
            value={quarter ?? 0}
            onChange={(q) => setQuarter(q === 0 ? undefined : q)}
            options={[{ value: 0, label: t('deputies.wholeYear') }, ...[1, 2, 3, 4].map((n) => ({ value: n, label: t('deputies.quarterN', { n }) }))]}
            style={{ width: 120 }}
          />
          <Radio.Group
            data-testid="rankings-scope"
            value={scope}
            onChange={(e) => setScope(e.target.value as Scope)}
            optionType="button"
            options={[
              { value: 'tenant', label: t('deputies.rankings.scopeTenant') },
              { value: 'group', label: t('deputies.rankings.scopeGroup') },
              ...(access.canSupervise ? [{ value: 'district', label: t('deputies.rankings.scopeDistrict') }] : []),
            ]}
          />
          {scope === 'group' ? (
            <Select
              aria-label={t('deputies.rankings.pickGroup')}
              placeholder={t('deputies.rankings.pickGroup')}
              value={groupId}
              onChange={setGroupId}
              options={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
              style={{ minWidth: 160 }}
            />
          ) : null}
          {scope === 'tenant' && me.tenant.kind === 'District' ? (
            <Select
              allowClear
              aria-label={t('deputies.rankings.tenant')}
              placeholder={t('deputies.rankings.tenant')}
              value={tenantId}
              onChange={setTenantId}
              options={(tenants.data ?? []).filter((x) => x.parentId === me.tenant.id).map((x) => ({ value: x.id, label: x.name }))}
              style={{ minWidth: 180 }}
            />
          ) : null}
          {access.canUseExports ? <ExportButton source="deputies.rankings" filter={filter} /> : null}
        </Space>
      </Card>
      <Card>
        <Tabs
          items={[
            {
              key: 'deputies',
              label: t('deputies.rankings.deputies'),
              children: (
                <>
                  {ranking.isError ? <Alert type="error" showIcon title={asApiError(ranking.error).message} /> : null}
                  <Table<Entry>
                    data-testid="ranking-table"
                    rowKey="deputyId"
                    size="small"
                    loading={ranking.isFetching && !ranking.data}
                    dataSource={entries}
                    columns={deputyColumns}
                    pagination={{
                      current: page,
                      pageSize: PAGE_SIZE,
                      total: ranking.data ? Number(ranking.data.count) : 0,
                      onChange: setPage,
                      showSizeChanger: false,
                      hideOnSinglePage: true,
                    }}
                    locale={{ emptyText: t('deputies.rankings.empty') }}
                  />
                  {ranking.data ? <PolicyNote policies={ranking.data.policies} year={year} /> : null}
                </>
              ),
            },
            {
              key: 'groups',
              label: t('deputies.rankings.groups'),
              children: (
                <Table<GroupEntry>
                  data-testid="group-ranking-table"
                  rowKey="groupId"
                  size="small"
                  loading={groupRanking.isPending}
                  dataSource={groupRanking.data ?? []}
                  pagination={false}
                  locale={{ emptyText: t('deputies.rankings.empty') }}
                  columns={[
                    { title: t('deputies.rank'), key: 'rank', width: 90, render: (_: unknown, g) => <RankCell rank={Number(g.rank)} tied={groupTied.has(Number(g.rank))} /> },
                    { title: t('deputies.rankings.group'), dataIndex: 'name' },
                    { title: t('deputies.rankings.tenant'), dataIndex: 'tenantName', responsive: ['md'] },
                    { title: t('deputies.groups.memberCount'), dataIndex: 'memberCount', align: 'right', render: (v: number | string) => Number(v) },
                    { title: t('deputies.rankings.average'), dataIndex: 'averagePoints', align: 'right', render: (v: number | string) => Number(v).toFixed(2) },
                  ]}
                />
              ),
            },
            {
              key: 'shortlist',
              label: t('deputies.rankings.shortlist'),
              children: (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Space wrap>
                    <span>{t('deputies.rankings.top')}</span>
                    <InputNumber
                      aria-label={t('deputies.rankings.top')}
                      min={1}
                      max={1000}
                      value={top}
                      onChange={(v) => {
                        setTop(v);
                        if (v) setPercent(null);
                      }}
                    />
                    <span>{t('deputies.rankings.percent')}</span>
                    <InputNumber
                      aria-label={t('deputies.rankings.percent')}
                      min={1}
                      max={100}
                      value={percent}
                      onChange={(v) => {
                        setPercent(v);
                        if (v) setTop(null);
                      }}
                    />
                  </Space>
                  {shortlist.isError ? <Alert type="error" showIcon title={asApiError(shortlist.error).message} /> : null}
                  <Typography.Title level={5}>{t('deputies.rankings.excellent')}</Typography.Title>
                  <Table<Entry>
                    data-testid="shortlist-table"
                    rowKey="deputyId"
                    size="small"
                    loading={shortlist.isPending}
                    dataSource={shortlist.data?.deputies ?? []}
                    columns={deputyColumns}
                    pagination={false}
                  />
                  <Typography.Title level={5}>{t('deputies.rankings.advancedGroups')}</Typography.Title>
                  <Space wrap>
                    {(shortlist.data?.groups ?? []).map((g) => (
                      <Tag color="green" key={g.groupId}>
                        {`${g.name}(${t('deputies.rankings.average')} ${Number(g.averagePoints).toFixed(2)})`}
                      </Tag>
                    ))}
                  </Space>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {opened ? (
        // The deputy's archive from the ranking: the same tabs as the deputy's profile page.
        <Drawer open title={opened.name} onClose={() => setOpened(undefined)} size="large" data-testid="deputy-drawer" destroyOnHidden>
          <Tabs
            items={[
              { key: 'archive', label: t('deputies.archive.title'), children: <ArchiveTab deputyId={opened.deputyId} /> },
              { key: 'points', label: t('deputies.points'), children: <PointsTab deputyId={opened.deputyId} /> },
              ...(access.canReadDutyLists
                ? [{ key: 'list', label: t('deputies.dutyList.title'), children: <DutyListTab deputyId={opened.deputyId} /> }]
                : []),
            ]}
          />
        </Drawer>
      ) : null}
    </Space>
  );
}
