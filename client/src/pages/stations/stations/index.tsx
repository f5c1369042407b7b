// 联络站名录 (/stations/directory): the active tenant's "室—站—点" network (every street's for the district) as a tree and
// a searchable, map-free table — community, keeper, hours, number of deputies. Staff open a station from here.
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Checkbox, Col, Empty, Input, Row, Space, Table, Tag, Tree, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, call } from '@/api/client';
import { asApiError } from '@/api/problem';
import { useSession } from '@/auth/me';
import { buildTree, matches, stationsKey, subtree, type StationListItem } from './model';
import StationForm from './StationForm';

export default function StationsPage() {
  const { t } = useTranslation();
  const { access } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const search = params.get('q') ?? '';
  const includeInactive = params.get('inactive') === '1';
  const selected = params.get('under') ?? undefined;
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const stations = useQuery({
    queryKey: [...stationsKey, 'list', includeInactive],
    queryFn: () => call(api.GET('/api/stations/stations', { params: { query: { includeInactive } } })),
  });
  const all = useMemo(() => stations.data ?? [], [stations.data]);
  const tree = useMemo(() => buildTree(all), [all]);
  const rows = subtree(all, selected).filter((s) => matches(s, search));

  const columns: TableColumnsType<StationListItem> = [
    {
      title: t('stations.name'),
      dataIndex: 'name',
      render: (name: string, s) => (
        <Link to={`/stations/directory/${s.id}`} data-testid={`station-link-${s.id}`}>
          {name}
        </Link>
      ),
    },
    { title: t('stations.kind'), dataIndex: 'kind', render: (k: StationListItem['kind']) => t(`stations.kinds.${k}`), responsive: ['sm'] },
    { title: t('stations.community'), dataIndex: 'community', render: (v?: string | null) => v ?? '—', responsive: ['md'] },
    { title: t('stations.keeper'), dataIndex: 'keeperName', render: (v?: string | null) => v ?? '—' },
    { title: t('stations.hours'), dataIndex: 'openingHours', responsive: ['lg'] },
    { title: t('stations.deputyCount'), dataIndex: 'deputyCount', align: 'right', render: (n: number | string) => Number(n) },
    {
      title: t('stations.status'),
      dataIndex: 'isActive',
      render: (active: boolean) => (active ? <Tag color="success">{t('stations.active')}</Tag> : <Tag>{t('stations.inactive')}</Tag>),
    },
  ];

  return (
    <Card
      title={t('stations.title')}
      data-testid="stations-page"
      extra={
        access.canManageStations ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="station-create">
            {t('stations.create')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('stations.intro')}</Typography.Paragraph>
      {stations.isError ? <Typography.Paragraph type="danger">{asApiError(stations.error).message}</Typography.Paragraph> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={7}>
          <Card size="small" title={t('stations.tree')}>
            {tree.length === 0 && !stations.isLoading ? (
              <Empty description={t('stations.empty')} />
            ) : (
              <Tree
                treeData={tree}
                defaultExpandAll
                key={all.length}
                selectedKeys={selected ? [selected] : []}
                onSelect={(keys) => set('under', keys[0] as string | undefined)}
                data-testid="stations-tree"
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={17}>
          <Space wrap style={{ marginBottom: 12 }}>
            <Input.Search
              allowClear
              defaultValue={search}
              placeholder={t('stations.searchPlaceholder')}
              onSearch={(v) => set('q', v.trim() || undefined)}
              style={{ width: 280 }}
              aria-label={t('stations.searchPlaceholder')}
              data-testid="stations-search"
            />
            <Checkbox checked={includeInactive} onChange={(e) => set('inactive', e.target.checked ? '1' : undefined)}>
              {t('stations.showInactive')}
            </Checkbox>
            {selected ? <Button onClick={() => set('under', undefined)}>{t('stations.showAll')}</Button> : null}
          </Space>
          <Table<StationListItem>
            rowKey="id"
            size="middle"
            loading={stations.isLoading}
            columns={columns}
            dataSource={rows}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            onRow={(s) => ({ onDoubleClick: () => void navigate(`/stations/directory/${s.id}`) })}
            data-testid="stations-table"
          />
        </Col>
      </Row>
      <StationForm open={creating} onClose={() => setCreating(false)} onSaved={(s) => void navigate(`/stations/directory/${s.id}`)} />
    </Card>
  );
}
