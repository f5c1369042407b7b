// The station page's own tabs: 基本信息 (details, edit, close/reopen) and 驻站代表 (current and former deputies,
// assigning one of the tenant's serving deputies, ending an assignment).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Popconfirm, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call, type Schemas } from '@/api/client';
import { useSession } from '@/auth/me';
import { useShowError } from '@/components/useShowError';
import { stationsKey, type Station } from '../stations/model';
import StationForm from '../stations/StationForm';

type Assignment = Schemas['StationDeputyDto'];

function useStationMutation<V>(station: Station, fn: (v: V) => Promise<Station>, done?: string) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (saved) => {
      queryClient.setQueryData([...stationsKey, station.id], saved);
      void queryClient.invalidateQueries({ queryKey: stationsKey });
      if (done) void message.success(t(done, { name: saved.name }));
    },
    onError: (error) => showError(error),
  });
}

export function BasicTab({ station }: { station: Station }) {
  const { t } = useTranslation();
  const { access, me } = useSession();
  const [editing, setEditing] = useState(false);
  const keeperOnly = !access.canManageStations && access.canUpdateStations && !!station.keeperUserId && station.keeperUserId === me.user.id;
  const canEdit = access.canManageStations || keeperOnly;
  const toggle = useStationMutation(
    station,
    (active: boolean) =>
      call(api.PUT('/api/stations/stations/{id}/active', { params: { path: { id: station.id } }, body: { active, version: station.version } })),
    station.isActive ? 'stations.closedDone' : 'stations.reopenedDone',
  );
  const none = '—';

  return (
    <>
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" data-testid="station-basic">
        <Descriptions.Item label={t('stations.kind')}>{t(`stations.kinds.${station.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('stations.parent')}>
          {station.parentId ? <Link to={`/stations/directory/${station.parentId}`}>{station.parentName}</Link> : none}
        </Descriptions.Item>
        <Descriptions.Item label={t('stations.tenant')}>{station.tenantName}</Descriptions.Item>
        <Descriptions.Item label={t('stations.community')}>{station.community ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('stations.address')}>{station.address}</Descriptions.Item>
        <Descriptions.Item label={t('stations.hours')}>{station.openingHours}</Descriptions.Item>
        <Descriptions.Item label={t('stations.keeper')}>{station.keeperName ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('stations.liaison')}>{station.liaisonName ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('stations.phone')}>{station.phone ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('stations.status')}>
          {station.isActive ? <Tag color="success">{t('stations.active')}</Tag> : <Tag>{t('stations.inactive')}</Tag>}
        </Descriptions.Item>
      </Descriptions>
      <Space style={{ marginTop: 16 }} wrap>
        {canEdit ? (
          <Button type="primary" onClick={() => setEditing(true)} data-testid="station-edit">
            {t('stations.edit')}
          </Button>
        ) : null}
        {access.canManageStations ? (
          <Popconfirm
            title={station.isActive ? t('stations.closeConfirm') : t('stations.reopenConfirm')}
            onConfirm={() => toggle.mutate(!station.isActive)}
          >
            <Button danger={station.isActive} loading={toggle.isPending} data-testid="station-toggle">
              {station.isActive ? t('stations.close') : t('stations.reopen')}
            </Button>
          </Popconfirm>
        ) : null}
        <Typography.Text type="secondary">
          {t('stations.publicLink')}: <a href={`/p/stations/${station.id}`} target="_blank" rel="noreferrer">/p/stations/{station.id}</a>
        </Typography.Text>
      </Space>
      <StationForm open={editing} station={station} detailsOnly={keeperOnly} onClose={() => setEditing(false)} />
    </>
  );
}

export function DeputiesTab({ station }: { station: Station }) {
  const { t } = useTranslation();
  const { access } = useSession();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<string>();
  const canManage = access.canManageStationDeputies && station.isActive;
  const candidates = useQuery({
    queryKey: [...stationsKey, station.id, 'candidates', search],
    queryFn: () =>
      call(api.GET('/api/stations/stations/{id}/deputy-candidates', { params: { path: { id: station.id }, query: { search: search || undefined } } })),
    enabled: canManage,
  });
  const assign = useStationMutation(
    station,
    (deputyId: string) => call(api.POST('/api/stations/stations/{id}/deputies', { params: { path: { id: station.id } }, body: { deputyId, assignedOn: null } })),
    'stations.deputies.assigned',
  );
  const end = useStationMutation(station, (assignmentId: string) =>
    call(
      api.POST('/api/stations/stations/{id}/deputies/{assignmentId}/end', {
        params: { path: { id: station.id, assignmentId } },
        body: { endedOn: null },
      }),
    ),
  );
  const current = station.deputies.filter((d) => !d.endedOn);
  const former = station.deputies.filter((d) => d.endedOn);
  const columns = (withEnd: boolean): TableColumnsType<Assignment> => [
    { title: t('stations.deputies.name'), dataIndex: 'deputyName' },
    { title: t('stations.deputies.assignedOn'), dataIndex: 'assignedOn' },
    withEnd
      ? {
          title: t('stations.deputies.actions'),
          key: 'end',
          render: (_, a) =>
            canManage ? (
              <Popconfirm title={t('stations.deputies.endConfirm', { name: a.deputyName })} onConfirm={() => end.mutate(a.id)}>
                <Button size="small" data-testid={`assignment-end-${a.deputyId}`}>
                  {t('stations.deputies.end')}
                </Button>
              </Popconfirm>
            ) : null,
        }
      : { title: t('stations.deputies.endedOn'), dataIndex: 'endedOn' },
  ];

  return (
    <>
      {canManage ? (
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setSearch}
            value={picked}
            onChange={setPicked}
            style={{ width: 320 }}
            placeholder={t('stations.deputies.pick')}
            aria-label={t('stations.deputies.pick')}
            loading={candidates.isFetching}
            options={(candidates.data ?? []).map((c) => ({ value: c.deputyId, label: `${c.name}(${c.summary})` }))}
            data-testid="assignment-pick"
          />
          <Button
            type="primary"
            disabled={!picked}
            loading={assign.isPending}
            onClick={() => picked && assign.mutate(picked, { onSuccess: () => setPicked(undefined) })}
            data-testid="assignment-add"
          >
            {t('stations.deputies.assign')}
          </Button>
        </Space>
      ) : null}
      <Typography.Title level={5}>{t('stations.deputies.current', { count: current.length })}</Typography.Title>
      <Table<Assignment> rowKey="id" size="small" columns={columns(true)} dataSource={current} pagination={false} data-testid="assignments-current" />
      {former.length > 0 ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('stations.deputies.former')}
          </Typography.Title>
          <Table<Assignment> rowKey="id" size="small" columns={columns(false)} dataSource={former} pagination={false} />
        </>
      ) : null}
    </>
  );
}
