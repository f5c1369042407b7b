// 指派给我: the opinions referred to the handling units the signed-in officer belongs to, with the SLA light; the
// officer answers in the system and sees the resident's photos. No resident contact is shown here.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '@/api/client';
import { SLA_COLOR, type AssignedOpinion } from '@/api/opinions';
import ProblemResult from '@/components/ProblemResult';
import { useShowError } from '@/components/useShowError';
import OpinionPhotos from '../opinion-detail/OpinionPhotos';

/** GET /api/stations/assigned-opinions/{id}/photos/{photoId}: a photo of an opinion referred to the officer's unit. */
async function loadPhoto(id: string, photoId: string) {
  return (await call(api.GET('/api/stations/assigned-opinions/{id}/photos/{photoId}', { params: { path: { id, photoId } }, parseAs: 'blob' }))) as unknown as Blob;
}

const key = ['stations', 'assigned-opinions'];

export default function AssignedOpinionsPage() {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: key, queryFn: () => call(api.GET('/api/stations/assigned-opinions', {})) });
  if (list.isError) return <ProblemResult error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('opinions.assigned.title')}</Typography.Title>} loading={list.isLoading}>
      {list.data && list.data.length === 0 ? <Empty description={t('opinions.assigned.empty')} /> : null}
      <List dataSource={list.data ?? []} renderItem={(o) => <AssignedItem opinion={o} />} />
    </Card>
  );
}

function AssignedItem({ opinion: o }: { opinion: AssignedOpinion }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ answer: string }>();
  const answer = useMutation({
    mutationFn: (v: { answer: string }) => call(api.POST('/api/stations/assigned-opinions/{id}/answer', { params: { path: { id: o.id } }, body: v })),
    onSuccess: () => {
      void message.success(t('opinions.assigned.answered'));
      void queryClient.invalidateQueries({ queryKey: key });
    },
    onError: (e) => showError(e, form),
  });
  return (
    <List.Item data-testid={`assigned-${o.trackingCode}`}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong>{o.trackingCode}</Typography.Text>
          <Tag>{t(`opinions.status.${o.status}`)}</Tag>
          {o.handlingUnitName ? <Tag>{o.handlingUnitName}</Tag> : null}
          {o.dueOn ? <span>{t('opinions.inbox.dueOn')}: {o.dueOn}</span> : null}
          {o.sla !== 'None' ? <Tag color={SLA_COLOR[o.sla]}>{o.sla === 'Red' ? t('opinions.sla.Red') : t('opinions.daysLeft', { days: Number(o.workingDaysLeft) })}</Tag> : null}
        </Space>
        <Typography.Text type="secondary">{[o.stationName, o.deputyName, o.category].filter(Boolean).join(' · ')}</Typography.Text>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{o.content}</Typography.Paragraph>
        <OpinionPhotos opinionId={o.id} photoIds={o.photoIds} load={(photoId) => loadPhoto(o.id, photoId)} scope="officer" />
        {o.status === 'Referred' ? (
          <Form form={form} layout="vertical" onFinish={(v) => answer.mutate(v)}>
            <Form.Item name="answer" label={t('opinions.assigned.answer')} rules={[{ required: true, whitespace: true, message: t('opinions.assigned.answerRequired') }]}>
              <Input.TextArea rows={3} maxLength={4000} placeholder={t('opinions.assigned.answerPlaceholder')} data-testid={`answer-text-${o.trackingCode}`} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={answer.isPending} data-testid={`answer-submit-${o.trackingCode}`}>{t('opinions.assigned.submit')}</Button>
          </Form>
        ) : o.answer ? (
          <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>{o.answer}</Typography.Paragraph>
        ) : null}
      </Space>
    </List.Item>
  );
}
