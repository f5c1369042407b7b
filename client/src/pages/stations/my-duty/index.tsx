// 我的值班: a deputy's own station duty — the weeks ahead, a swap request for one of them, leave, and their requests —
// and the centralised reception events they take part in (MyReceptions).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, List, Modal, Result, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '@/api/client';
import { asApiError } from '@/api/problem';
import { useShowError } from '@/components/useShowError';
import { useDialogItem } from '@/components/useDialogItem';
import { beijingToday } from '@/pages/deputies/shared';
import { useSession } from '@/auth/me';
import { shortDate, weekRange } from '../rota/RotaList';
import MyReceptions from './MyReceptions';

type MyWeek = Schemas['MyRotaWeekDto'];
const myDutyKey = ['stations', 'my-duty'];

export default function MyDutyPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const { access } = useSession();
  const swappingDialog = useDialogItem<MyWeek>();
  const swapping = swappingDialog.item;
  const duty = useQuery({ queryKey: myDutyKey, queryFn: () => call(api.GET('/api/stations/my-duties')), retry: false });
  const done = (text: string) => {
    void message.success(text);
    void queryClient.invalidateQueries({ queryKey: myDutyKey });
  };
  const swap = useMutation({
    mutationFn: (v: { myWeekId: string; targetWeekId: string; reason?: string }) =>
      call(api.POST('/api/stations/my-duties/swaps', { body: { myWeekId: v.myWeekId, targetWeekId: v.targetWeekId, reason: v.reason ?? null } })),
    onSuccess: () => {
      swappingDialog.close();
      done(t('rota.my.swapSent'));
    },
    onError: (error) => showError(error),
  });
  const leave = useMutation({
    mutationFn: (v: { dates: [Dayjs, Dayjs]; reason: string }) =>
      call(api.POST('/api/stations/my-duties/leaves', { body: { from: v.dates[0].format('YYYY-MM-DD'), to: v.dates[1].format('YYYY-MM-DD'), reason: v.reason } })),
    onSuccess: () => done(t('rota.my.leaveSent')),
    onError: (error) => showError(error),
  });

  if (duty.isPending) return <Skeleton active />;
  if (duty.isError) return <Result status="error" title={t('rota.loadFailed')} subTitle={asApiError(duty.error).message} />;
  const me = duty.data;
  if (!me.linked) return <Result status="info" title={t('rota.my.notLinked')} subTitle={t('rota.my.notLinkedHint')} data-testid="my-duty-unlinked" />;
  const today = beijingToday();
  const range = (w: { weekStart: string; weekEnd: string }) => weekRange(t, w);
  const options = (week: MyWeek) =>
    me.swapOptions.filter((o) => o.stationId === week.stationId).map((o) => ({ value: o.id, label: `${range(o)} · ${o.deputyName}` }));

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="my-duty">
      <Card>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('rota.my.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{me.name}</Typography.Text>
      </Card>
      <Card title={t('rota.my.weeks')}>
        <Table<MyWeek>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={me.weeks}
          locale={{ emptyText: t('rota.my.noWeeks') }}
          data-testid="my-duty-weeks"
          columns={[
            { title: t('rota.week'), key: 'week', render: (_, w) => range(w) },
            { title: t('rota.station'), dataIndex: 'stationName' },
            { title: t('rota.status'), key: 'status', render: (_, w) => <Tag>{t(`rota.statuses.${w.status}`)}</Tag> },
            {
              title: t('rota.actions'),
              key: 'actions',
              render: (_, w) =>
                w.weekStart > today && w.status === 'Published' && options(w).length > 0 ? (
                  <Button size="small" onClick={() => swappingDialog.show(w)}>
                    {t('rota.my.requestSwap')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      {access.canAttendReceptions ? <MyReceptions /> : null}
      <Card title={t('rota.my.requests')}>
        <List
          data-testid="my-duty-requests"
          dataSource={me.requests}
          locale={{ emptyText: <Typography.Text type="secondary">{t('rota.noSwaps')}</Typography.Text> }}
          renderItem={(s) => (
            <List.Item key={s.id}>
              <List.Item.Meta
                title={t('rota.swapLine', {
                  requester: s.requesterName,
                  mine: shortDate(s.requesterWeekStart),
                  target: s.targetName,
                  theirs: shortDate(s.targetWeekStart),
                })}
                description={s.decisionNote ?? s.reason ?? undefined}
              />
              <Tag>{t(`rota.swapStatuses.${s.status}`)}</Tag>
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('rota.my.askLeave')}>
        <List
          size="small"
          dataSource={me.leaves}
          locale={{ emptyText: <Typography.Text type="secondary">—</Typography.Text> }}
          renderItem={(l) => (
            <List.Item key={l.id}>
              {l.from} – {l.to} · {l.reason}
            </List.Item>
          )}
        />
        <Form name="my-leave" layout="inline" style={{ marginTop: 12 }} onFinish={(v: { dates: [Dayjs, Dayjs]; reason: string }) => leave.mutate(v)}>
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
      </Card>
      <Modal
        {...swappingDialog.modal}
        title={swapping ? t('rota.my.swapTitle', { week: range(swapping) }) : undefined}
        footer={null}
        destroyOnHidden
      >
        {swapping ? (
          <Form name="my-swap" layout="vertical" onFinish={(v: { targetWeekId: string; reason?: string }) => swap.mutate({ myWeekId: swapping.id, ...v })}>
            <Form.Item name="targetWeekId" label={t('rota.my.swapWith')} rules={[{ required: true, message: t('rota.required') }]}>
              <Select options={options(swapping)} data-testid="swap-target" />
            </Form.Item>
            <Form.Item name="reason" label={t('rota.my.swapReason')}>
              <Input maxLength={200} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={swap.isPending} data-testid="swap-submit">
              {t('rota.my.requestSwap')}
            </Button>
          </Form>
        ) : null}
      </Modal>
    </Space>
  );
}
