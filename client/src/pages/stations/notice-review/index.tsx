// 公示审核 (/stations/notices/:id): one station's monthly notice. On a draft staff reword a summary (the API masks any
// phone number again), leave an item out with a reason or put it back, and publish; a published notice can be
// withdrawn with a reason. Confidential opinions never appear here, only their count.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '@/api/client';
import { NOTICE_STATUS_COLOR, noticesKey, type StationNotice, type StationNoticeItem } from '@/api/notices';
import { useSession } from '@/auth/me';
import ProblemResult from '@/components/ProblemResult';
import { useShowError } from '@/components/useShowError';

type Dialog = { kind: 'edit' | 'exclude'; item: StationNoticeItem } | { kind: 'withdraw' } | null;

export default function NoticeReviewPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { access } = useSession();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const notice = useQuery({
    queryKey: [...noticesKey, id],
    queryFn: () => call(api.GET('/api/stations/notices/{id}', { params: { path: { id } } })),
  });
  const saved = async (updated: StationNotice, text: string) => {
    queryClient.setQueryData([...noticesKey, id], updated);
    await queryClient.invalidateQueries({ queryKey: noticesKey, predicate: (q) => q.queryKey.length === 3 && typeof q.queryKey[2] === 'object' });
    message.success(text);
    setDialog(null);
  };
  const include = useMutation({
    mutationFn: (itemId: string) =>
      call(api.PUT('/api/stations/notices/{id}/items/{itemId}/excluded', { params: { path: { id, itemId } }, body: { excluded: false, reason: null } })),
    onSuccess: (n) => saved(n, t('notices.review.saved')),
    onError: (e) => showError(e),
  });
  const publish = useMutation({
    mutationFn: () => call(api.POST('/api/stations/notices/{id}/publish', { params: { path: { id } } })),
    onSuccess: (n) => saved(n, t('notices.review.published')),
    onError: (e) => showError(e),
  });

  if (notice.isError) return <ProblemResult error={notice.error} onRetry={() => void notice.refetch()} />;
  const n = notice.data;
  const editable = !!n && n.status === 'Draft' && access.canManageNotices;

  const columns: TableColumnsType<StationNoticeItem> = [
    { title: t('notices.review.receivedOn'), dataIndex: 'receivedOn', key: 'receivedOn' },
    { title: t('notices.review.category'), dataIndex: 'category', key: 'category', responsive: ['md'] },
    {
      title: t('notices.review.summary'),
      key: 'summary',
      render: (_, r) => (
        <Space orientation="vertical" size={2}>
          <Space size={4} wrap>
            {r.raisedInPeriod ? <Tag>{t('notices.review.raised')}</Tag> : null}
            {r.answeredInPeriod ? <Tag color="blue">{t('notices.review.answered')}</Tag> : null}
            {r.summaryEdited ? <Tag color="purple">{t('notices.review.edited')}</Tag> : null}
          </Space>
          <Typography.Text delete={r.excluded} data-testid={`notice-item-summary-${r.id}`}>{r.summary}</Typography.Text>
          {r.answer ? (
            <Typography.Text type="secondary">
              {t('notices.review.answer')}:{r.answer}
            </Typography.Text>
          ) : null}
          {r.excluded ? <Typography.Text type="danger">{t('notices.review.excludedBecause', { reason: r.excludedReason ?? '' })}</Typography.Text> : null}
        </Space>
      ),
    },
    { title: t('notices.review.opinionStatus'), key: 'status', responsive: ['md'], render: (_, r) => t(`opinions.status.${r.opinionStatus}`) },
    {
      key: 'actions',
      render: (_, r) => (
        <Space wrap>
          {access.canReadOpinions ? <Link to={`/stations/opinions/${r.opinionId}`}>{t('notices.review.tracking')}</Link> : null}
          {editable ? (
            <>
              <Button size="small" onClick={() => setDialog({ kind: 'edit', item: r })} data-testid={`notice-item-edit-${r.id}`}>
                {t('notices.review.edit')}
              </Button>
              {r.excluded ? (
                <Button size="small" onClick={() => include.mutate(r.id)} data-testid={`notice-item-include-${r.id}`}>
                  {t('notices.review.include')}
                </Button>
              ) : (
                <Button size="small" danger onClick={() => setDialog({ kind: 'exclude', item: r })} data-testid={`notice-item-exclude-${r.id}`}>
                  {t('notices.review.exclude')}
                </Button>
              )}
            </>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <Card
      data-testid="notice-review"
      loading={notice.isLoading}
      title={
        <Space wrap>
          <Link to="/stations/notices" aria-label={t('notices.review.back')}>
            <ArrowLeftOutlined />
          </Link>
          <span>{n ? t('notices.review.title', { station: n.stationName, from: n.periodStart, to: n.periodEnd }) : null}</span>
          {n ? (
            <Tag color={NOTICE_STATUS_COLOR[n.status]} data-testid="notice-status">
              {t(`notices.status.${n.status}`)}
            </Tag>
          ) : null}
        </Space>
      }
      extra={
        n && access.canManageNotices ? (
          n.status === 'Draft' ? (
            <Popconfirm title={t('notices.review.publishConfirm')} onConfirm={() => publish.mutate()} okButtonProps={{ 'data-testid': 'notice-publish-ok' }}>
              <Button type="primary" loading={publish.isPending} data-testid="notice-publish">
                {t('notices.review.publish')}
              </Button>
            </Popconfirm>
          ) : n.status === 'Published' ? (
            <Button danger onClick={() => setDialog({ kind: 'withdraw' })} data-testid="notice-withdraw">
              {t('notices.review.withdraw')}
            </Button>
          ) : null
        ) : null
      }
    >
      {n ? (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {n.status === 'Draft' ? <Alert type="info" showIcon title={t('notices.review.draftHint')} /> : null}
          {n.publishedAtUtc && n.publishedByName ? (
            <Typography.Text type="secondary">
              {t('notices.review.publishedBy', { name: n.publishedByName, at: dayjs(n.publishedAtUtc).format('YYYY-MM-DD HH:mm') })}
            </Typography.Text>
          ) : null}
          {n.withdrawnAtUtc ? (
            <Alert type="warning" showIcon title={t('notices.review.withdrawnBecause', { at: dayjs(n.withdrawnAtUtc).format('YYYY-MM-DD HH:mm'), reason: n.withdrawnReason ?? '' })} />
          ) : null}
          {Number(n.confidentialCount) > 0 ? (
            <Typography.Text data-testid="notice-confidential">{t('notices.review.confidential', { count: Number(n.confidentialCount) })}</Typography.Text>
          ) : null}
          <Table<StationNoticeItem>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={n.items}
            pagination={false}
            locale={{ emptyText: t('notices.review.empty') }}
            scroll={{ x: 'max-content' }}
          />
        </Space>
      ) : null}
      {dialog ? <ReviewDialog id={id} dialog={dialog} onSaved={saved} onClose={() => setDialog(null)} /> : null}
    </Card>
  );
}

function ReviewDialog({
  id,
  dialog,
  onSaved,
  onClose,
}: {
  id: string;
  dialog: NonNullable<Dialog>;
  onSaved: (n: StationNotice, text: string) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const showError = useShowError();
  const [form] = Form.useForm<{ text: string }>();
  const save = useMutation({
    mutationFn: ({ text }: { text: string }) => {
      if (dialog.kind === 'edit') {
        return call(api.PUT('/api/stations/notices/{id}/items/{itemId}', { params: { path: { id, itemId: dialog.item.id } }, body: { summary: text } }));
      }
      if (dialog.kind === 'exclude') {
        return call(
          api.PUT('/api/stations/notices/{id}/items/{itemId}/excluded', { params: { path: { id, itemId: dialog.item.id } }, body: { excluded: true, reason: text } }),
        );
      }
      return call(api.POST('/api/stations/notices/{id}/withdraw', { params: { path: { id } }, body: { reason: text } }));
    },
    onSuccess: (n) => onSaved(n, dialog.kind === 'withdraw' ? t('notices.review.withdrawn') : t('notices.review.saved')),
    onError: (e) => showError(e, form),
  });
  const title = dialog.kind === 'edit' ? t('notices.review.editTitle') : dialog.kind === 'exclude' ? t('notices.review.excludeTitle') : t('notices.review.withdrawTitle');
  const label = dialog.kind === 'edit' ? t('notices.review.summary') : dialog.kind === 'exclude' ? t('notices.review.excludeReason') : t('notices.review.withdrawReason');
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okButtonProps={{ 'data-testid': 'notice-dialog-ok' }}>
      <Form form={form} layout="vertical" initialValues={{ text: dialog.kind === 'edit' ? dialog.item.summary : '' }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="text" label={label} rules={[{ required: true, whitespace: true, message: label }]}>
          <Input.TextArea rows={dialog.kind === 'edit' ? 4 : 2} maxLength={dialog.kind === 'edit' ? 300 : 200} showCount data-testid="notice-dialog-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
