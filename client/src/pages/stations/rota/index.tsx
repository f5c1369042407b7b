// 值班表: a station's duty rota week by week — generate a fair rota for a period, change a week by hand, confirm the
// duty after the week, decide deputies' swap requests, record leave, and send next week's reminders by hand.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, DatePicker, Empty, Form, Input, List, Modal, Result, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, call, type Schemas } from '@/api/client';
import { asApiError } from '@/api/problem';
import { useSession } from '@/auth/me';
import { useShowError } from '@/components/useShowError';
import { useDialogItem } from '@/components/useDialogItem';
import { beijingToday } from '@/pages/deputies/shared';
import { shortDate, weekRange } from './RotaList';

export type RotaWeek = Schemas['RotaWeekDto'];
export type RotaSwap = Schemas['RotaSwapDto'];
type Outcome = 'Served' | 'Absent' | 'Leave';

const STATUS_COLOURS: Record<string, string> = { Draft: 'default', Published: 'blue', Served: 'green', Absent: 'red', Leave: 'orange' };
const rotaKey = ['stations', 'rota'];

/** A week is open (may change) until it is confirmed; it may be confirmed once its Sunday has come. */
export function canConfirm(week: Pick<RotaWeek, 'status' | 'weekEnd'>, today = beijingToday()) {
  return (week.status === 'Draft' || week.status === 'Published') && week.weekEnd <= today;
}

export default function StationRotaPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const stations = useQuery({ queryKey: ['stations', 'list'], queryFn: () => call(api.GET('/api/stations/stations', { params: { query: {} } })) });
  const stationId = id ?? stations.data?.[0]?.id;
  return (
    <div data-testid="rota-page">
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('rota.title')}
          </Typography.Title>
          <Select
            style={{ minWidth: 240 }}
            aria-label={t('rota.station')}
            placeholder={t('rota.pickStation')}
            loading={stations.isPending}
            value={stationId}
            options={(stations.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            onChange={(value: string) => void navigate(`/stations/rota/${value}`)}
            data-testid="rota-station"
          />
        </Space>
      </Card>
      {stations.isSuccess && !stationId ? <Empty description={t('rota.noStations')} /> : null}
      {stationId ? <StationRota stationId={stationId} /> : null}
    </div>
  );
}

function StationRota({ stationId }: { stationId: string }) {
  const { t } = useTranslation();
  const { access } = useSession();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>(() => {
    const monday = dayjs(beijingToday()).subtract((dayjs(beijingToday()).day() + 6) % 7, 'day');
    return [monday, monday.add(12, 'week').subtract(1, 'day')];
  });
  const [publishNow, setPublishNow] = useState(false);
  const editingDialog = useDialogItem<RotaWeek>();
  const editing = editingDialog.item;
  const confirmingDialog = useDialogItem<RotaWeek>();
  const confirming = confirmingDialog.item;
  const [rejecting, setRejecting] = useState<RotaSwap>();
  const from = period[0].format('YYYY-MM-DD');
  const to = period[1].format('YYYY-MM-DD');
  const rota = useQuery({
    queryKey: [...rotaKey, stationId, from, to],
    queryFn: () => call(api.GET('/api/stations/rotas/{stationId}', { params: { path: { stationId }, query: { from, to } } })),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: rotaKey });
  const done = (text: string) => {
    void message.success(text);
    refresh();
  };
  const generate = useMutation({
    mutationFn: () => call(api.POST('/api/stations/rotas/{stationId}/generate', { params: { path: { stationId } }, body: { from, to, publish: publishNow } })),
    onSuccess: (r) => {
      done(t('rota.generated', { created: Number(r.created), kept: Number(r.kept) }));
      if (r.unfilled.length > 0) void message.warning(t('rota.unfilled', { weeks: r.unfilled.map(shortDate).join('、') }));
    },
    onError: (error) => showError(error),
  });
  const publish = useMutation({
    mutationFn: () => call(api.POST('/api/stations/rotas/{stationId}/publish', { params: { path: { stationId } }, body: { from, to } })),
    onSuccess: (count) => done(t('rota.published', { count: Number(count) })),
    onError: (error) => showError(error),
  });
  const remind = useMutation({
    mutationFn: () => call(api.POST('/api/stations/rota-reminders/runs', { body: { weekStart: null } })),
    onSuccess: (r) => done(t('rota.remindedCount', { count: Number(r.reminded) })),
    onError: (error) => showError(error),
  });
  const setWeek = useMutation({
    mutationFn: ({ weekStart, deputyId }: { weekStart: string; deputyId: string }) =>
      call(api.PUT('/api/stations/rotas/{stationId}/weeks/{weekStart}', { params: { path: { stationId, weekStart } }, body: { deputyId } })),
    onSuccess: () => {
      editingDialog.close();
      done(t('rota.saved'));
    },
    onError: (error) => showError(error),
  });
  const confirm = useMutation({
    mutationFn: ({ weekId, outcome, note }: { weekId: string; outcome: Outcome; note?: string }) =>
      call(api.POST('/api/stations/rota-weeks/{weekId}/confirm', { params: { path: { weekId } }, body: { outcome, note: note ?? null } })),
    onSuccess: () => {
      confirmingDialog.close();
      done(t('rota.confirmed'));
    },
    onError: (error) => showError(error),
  });
  const approve = useMutation({
    mutationFn: (swapId: string) => call(api.POST('/api/stations/rota-swaps/{swapId}/approve', { params: { path: { swapId } } })),
    onSuccess: () => done(t('rota.approved')),
    onError: (error) => showError(error),
  });
  const reject = useMutation({
    mutationFn: ({ swapId, note }: { swapId: string; note?: string }) =>
      call(api.POST('/api/stations/rota-swaps/{swapId}/reject', { params: { path: { swapId } }, body: { note: note ?? null } })),
    onSuccess: () => {
      setRejecting(undefined);
      done(t('rota.rejected'));
    },
    onError: (error) => showError(error),
  });
  const leave = useMutation({
    mutationFn: (v: { deputyId: string; dates: [Dayjs, Dayjs]; reason: string }) =>
      call(
        api.POST('/api/stations/duty-leaves', {
          body: { deputyId: v.deputyId, from: v.dates[0].format('YYYY-MM-DD'), to: v.dates[1].format('YYYY-MM-DD'), reason: v.reason },
        }),
      ),
    onSuccess: () => done(t('rota.leaveSaved')),
    onError: (error) => showError(error),
  });

  if (rota.isPending) return <Skeleton active />;
  if (rota.isError) return <Result status="error" title={t('rota.loadFailed')} subTitle={asApiError(rota.error).message} />;
  const data = rota.data;
  const manage = access.canManageRota;
  const deputyOptions = data.deputies.filter((d) => !d.endedOn).map((d) => ({ value: d.deputyId, label: d.name }));
  const range = (w: { weekStart: string; weekEnd: string }) => weekRange(t, w);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={data.stationName}>
        <Space wrap>
          <DatePicker.RangePicker
            aria-label={t('rota.period')}
            value={period}
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && setPeriod([v[0], v[1]])}
            data-testid="rota-period"
          />
          {manage ? (
            <>
              <Checkbox checked={publishNow} onChange={(e) => setPublishNow(e.target.checked)} data-testid="rota-publish-now">
                {t('rota.publishNow')}
              </Checkbox>
              <Button type="primary" loading={generate.isPending} onClick={() => generate.mutate()} data-testid="rota-generate">
                {t('rota.generate')}
              </Button>
              <Button loading={publish.isPending} onClick={() => publish.mutate()} data-testid="rota-publish">
                {t('rota.publish')}
              </Button>
              <Button loading={remind.isPending} onClick={() => remind.mutate()} data-testid="rota-remind">
                {t('rota.remind')}
              </Button>
            </>
          ) : null}
        </Space>
        {manage ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('rota.generateHint')}
          </Typography.Paragraph>
        ) : null}
      </Card>

      <Card title={t('rota.title')}>
        <Table<RotaWeek>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={data.weeks}
          locale={{ emptyText: t('rota.empty') }}
          data-testid="rota-weeks"
          columns={[
            { title: t('rota.week'), key: 'week', render: (_, w) => range(w) },
            { title: t('rota.deputy'), dataIndex: 'deputyName' },
            {
              title: t('rota.status'),
              key: 'status',
              render: (_, w) => (
                <Space size={4} wrap>
                  <Tag color={STATUS_COLOURS[w.status]}>{t(`rota.statuses.${w.status}`)}</Tag>
                  {w.isManual ? <Tag>{t('rota.manual')}</Tag> : null}
                  {w.reminded ? <Tag>{t('rota.reminded')}</Tag> : null}
                </Space>
              ),
            },
            ...(manage
              ? [
                  {
                    title: t('rota.actions'),
                    key: 'actions',
                    render: (_: unknown, w: RotaWeek) => (
                      <Space>
                        {w.status === 'Draft' || w.status === 'Published' ? (
                          <Button size="small" onClick={() => editingDialog.show(w)}>
                            {t('rota.edit')}
                          </Button>
                        ) : null}
                        {canConfirm(w) ? (
                          <Button size="small" onClick={() => confirmingDialog.show(w)}>
                            {t('rota.confirm')}
                          </Button>
                        ) : null}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>

      <Card title={t('rota.swaps')}>
        <List
          data-testid="rota-swaps"
          dataSource={data.swaps}
          locale={{ emptyText: <Typography.Text type="secondary">{t('rota.noSwaps')}</Typography.Text> }}
          renderItem={(s) => (
            <List.Item
              key={s.id}
              actions={
                manage && s.status === 'Pending'
                  ? [
                      <Button key="approve" type="primary" size="small" loading={approve.isPending} onClick={() => approve.mutate(s.id)}>
                        {t('rota.approve')}
                      </Button>,
                      <Button key="reject" size="small" danger onClick={() => setRejecting(s)}>
                        {t('rota.reject')}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={t('rota.swapLine', {
                  requester: s.requesterName,
                  mine: shortDate(s.requesterWeekStart),
                  target: s.targetName,
                  theirs: shortDate(s.targetWeekStart),
                })}
                description={s.reason ?? undefined}
              />
              <Tag>{t(`rota.swapStatuses.${s.status}`)}</Tag>
            </List.Item>
          )}
        />
      </Card>

      <Card title={t('rota.leaves')}>
        <List
          size="small"
          dataSource={data.leaves}
          locale={{ emptyText: <Typography.Text type="secondary">—</Typography.Text> }}
          renderItem={(l) => (
            <List.Item key={l.id}>
              {l.deputyName} · {l.from} – {l.to} · {l.reason}
            </List.Item>
          )}
        />
        {manage ? (
          <Form name="rota-leave" layout="inline" style={{ marginTop: 12 }} onFinish={(v: { deputyId: string; dates: [Dayjs, Dayjs]; reason: string }) => leave.mutate(v)}>
            <Form.Item name="deputyId" label={t('rota.leaveDeputy')} rules={[{ required: true, message: t('rota.required') }]}>
              <Select style={{ minWidth: 140 }} options={deputyOptions} />
            </Form.Item>
            <Form.Item name="dates" label={t('rota.leaveDates')} rules={[{ required: true, message: t('rota.required') }]}>
              <DatePicker.RangePicker />
            </Form.Item>
            <Form.Item name="reason" label={t('rota.leaveReason')} rules={[{ required: true, message: t('rota.required') }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Button htmlType="submit" loading={leave.isPending}>
              {t('rota.addLeave')}
            </Button>
          </Form>
        ) : null}
      </Card>

      <Modal
        {...editingDialog.modal}
        title={editing ? t('rota.editTitle', { week: range(editing) }) : undefined}
        footer={null}
        destroyOnHidden
      >
        {editing ? (
          <Form
            name="rota-week"
            layout="vertical"
            initialValues={{ deputyId: editing.deputyId }}
            onFinish={(v: { deputyId: string }) => setWeek.mutate({ weekStart: editing.weekStart, deputyId: v.deputyId })}
          >
            <Form.Item name="deputyId" label={t('rota.deputy')} rules={[{ required: true, message: t('rota.required') }]}>
              <Select options={deputyOptions} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={setWeek.isPending}>
              {t('rota.edit')}
            </Button>
          </Form>
        ) : null}
      </Modal>

      <Modal
        {...confirmingDialog.modal}
        title={confirming ? t('rota.confirmTitle', { week: range(confirming) }) : undefined}
        footer={null}
        destroyOnHidden
      >
        {confirming ? (
          <Form
            name="rota-confirm"
            layout="vertical"
            initialValues={{ outcome: 'Served' }}
            onFinish={(v: { outcome: Outcome; note?: string }) => confirm.mutate({ weekId: confirming.id, ...v })}
          >
            <Form.Item name="outcome" label={t('rota.outcome')}>
              <Select options={(['Served', 'Absent', 'Leave'] as const).map((o) => ({ value: o, label: t(`rota.statuses.${o}`) }))} />
            </Form.Item>
            <Form.Item name="note" label={t('rota.note')}>
              <Input.TextArea maxLength={500} rows={3} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={confirm.isPending}>
              {t('rota.confirm')}
            </Button>
          </Form>
        ) : null}
      </Modal>

      <Modal open={!!rejecting} title={t('rota.reject')} onCancel={() => setRejecting(undefined)} footer={null} destroyOnHidden>
        {rejecting ? (
          <Form name="rota-reject" layout="vertical" onFinish={(v: { note?: string }) => reject.mutate({ swapId: rejecting.id, note: v.note })}>
            <Form.Item name="note" label={t('rota.rejectNote')}>
              <Input maxLength={200} />
            </Form.Item>
            <Button danger htmlType="submit" loading={reject.isPending}>
              {t('rota.reject')}
            </Button>
          </Form>
        ) : null}
      </Modal>
    </Space>
  );
}
