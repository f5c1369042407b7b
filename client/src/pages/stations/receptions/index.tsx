// 集中接待: the tenant's centralised reception events (the district sees its streets'), newest first; staff create one here.
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Result, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, call } from '@/api/client';
import { asApiError } from '@/api/problem';
import { useSession } from '@/auth/me';
import { receptionsKey, STATUS_COLOR, when, type ReceptionStatus, type ReceptionSummary } from './model';

const STATUSES: ReceptionStatus[] = ['Planned', 'Closed', 'Cancelled'];

export default function ReceptionsPage() {
  const { t } = useTranslation();
  const { access } = useSession();
  const navigate = useNavigate();
  const [status, setStatus] = useState<ReceptionStatus>();
  const list = useQuery({
    queryKey: [...receptionsKey, status ?? 'all'],
    queryFn: () => call(api.GET('/api/stations/reception-events', { params: { query: { status } } })),
  });
  if (list.isError) return <Result status="error" title={t('receptions.loadFailed')} subTitle={asApiError(list.error).message} />;

  return (
    <Card data-testid="receptions">
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap', marginBottom: 16 }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('receptions.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('receptions.subtitle')}</Typography.Text>
        </div>
        <Space wrap>
          <Select
            allowClear
            placeholder={t('receptions.status')}
            style={{ width: 140 }}
            value={status}
            onChange={setStatus}
            options={STATUSES.map((s) => ({ value: s, label: t(`receptions.statuses.${s}`) }))}
            data-testid="receptions-status"
          />
          {access.canManageReceptions ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/stations/receptions/new')} data-testid="receptions-create">
              {t('receptions.create')}
            </Button>
          ) : null}
        </Space>
      </Space>
      <Table<ReceptionSummary>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: true }}
        locale={{ emptyText: t('receptions.empty') }}
        data-testid="receptions-table"
        columns={[
          { title: t('receptions.name'), key: 'title', render: (_, e) => <Link to={`/stations/receptions/${e.id}`}>{e.title}</Link> },
          { title: t('receptions.time'), key: 'time', render: (_, e) => when(e) },
          {
            title: t('receptions.venues'),
            key: 'venues',
            render: (_, e) => (
              <Space size={4} wrap>
                {e.stationCount ? <Tag>{t('receptions.stationCount', { count: Number(e.stationCount) })}</Tag> : null}
                {e.online ? <Tag color="purple">{t('receptions.online')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('receptions.participants'),
            key: 'participants',
            render: (_, e) => (
              <>
                {t('receptions.participantCount', { count: Number(e.participantCount) })}
                {e.status !== 'Planned' || Number(e.attendedCount) + Number(e.leaveCount) > 0 ? (
                  <div>
                    <Typography.Text type="secondary">
                      {t('receptions.attendanceSummary', { attended: Number(e.attendedCount), leave: Number(e.leaveCount) })}
                    </Typography.Text>
                  </div>
                ) : null}
              </>
            ),
          },
          { title: t('receptions.status'), key: 'status', render: (_, e) => <Tag color={STATUS_COLOR[e.status]}>{t(`receptions.statuses.${e.status}`)}</Tag> },
        ]}
      />
    </Card>
  );
}
