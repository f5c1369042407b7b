// 我的集中接待 (a section of 我的值班): the reception events the deputy takes part in — when, where (a station, online or
// in their own constituency), their attendance — and leave with a reason before an event starts.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '@/api/client';
import { useShowError } from '@/components/useShowError';
import { useDialogItem } from '@/components/useDialogItem';
import { ATTENDANCE_COLOR, myReceptionsKey, STATUS_COLOR, when } from '../receptions/model';

type MyReception = Schemas['MyReceptionDto'];

export default function MyReceptions() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const leavingDialog = useDialogItem<MyReception>();
  const leaving = leavingDialog.item;
  const mine = useQuery({ queryKey: myReceptionsKey, queryFn: () => call(api.GET('/api/stations/my-receptions')) });
  const leave = useMutation({
    mutationFn: (v: { eventId: string; reason: string }) =>
      call(api.POST('/api/stations/my-receptions/{eventId}/leave', { params: { path: { eventId: v.eventId } }, body: { reason: v.reason } })),
    onSuccess: () => {
      leavingDialog.close();
      void message.success(t('receptions.my.leaveSent'));
      void queryClient.invalidateQueries({ queryKey: myReceptionsKey });
    },
    onError: (error) => showError(error),
  });
  const venue = (r: MyReception) =>
    r.venueKind === 'Station' ? r.venueName : r.venueKind === 'Online' ? `${t('receptions.venueKinds.Online')}(${r.onlineChannel ?? ''})` : t('receptions.venueKinds.Dispersed');

  return (
    <Card title={t('receptions.my.title')} data-testid="my-receptions">
      <List
        loading={mine.isPending}
        dataSource={mine.data ?? []}
        locale={{ emptyText: <Typography.Text type="secondary">{t('receptions.my.empty')}</Typography.Text> }}
        renderItem={(r) => (
          <List.Item
            key={r.eventId}
            actions={
              r.canRequestLeave
                ? [
                    <Button key="leave" size="small" onClick={() => leavingDialog.show(r)} data-testid={`my-reception-leave-${r.eventId}`}>
                      {t('receptions.my.askLeave')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  {r.title}
                  <Tag color={STATUS_COLOR[r.status]}>{t(`receptions.statuses.${r.status}`)}</Tag>
                  {r.attendance !== 'Pending' ? <Tag color={ATTENDANCE_COLOR[r.attendance]}>{t(`receptions.attendances.${r.attendance}`)}</Tag> : null}
                </Space>
              }
              description={
                <>
                  <div>
                    {when(r)} · {venue(r)}
                  </div>
                  {r.leaveReason ? <div>{`${t('receptions.leaveReason')}:${r.leaveReason}`}</div> : null}
                </>
              }
            />
          </List.Item>
        )}
      />
      <Modal {...leavingDialog.modal} title={leaving ? t('receptions.my.leaveTitle', { title: leaving.title }) : undefined} footer={null} destroyOnHidden>
        {leaving ? (
          <Form name="reception-leave" layout="vertical" onFinish={(v: { reason: string }) => leave.mutate({ eventId: leaving.eventId, reason: v.reason })}>
            <Form.Item name="reason" label={t('receptions.leaveReason')} rules={[{ required: true, message: t('receptions.required') }]}>
              <Input maxLength={200} data-testid="my-reception-reason" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={leave.isPending} data-testid="my-reception-submit">
              {t('receptions.my.askLeave')}
            </Button>
          </Form>
        ) : null}
      </Modal>
    </Card>
  );
}
