// 消息中心 (/notifications): the signed-in person's notifications in the active tenant, all or unread, paged; mark one
// or all read; open an item's link.
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Empty, List, Segmented, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useShowError } from '@/components/useShowError';
import { inboxKeys, useInbox, useMarkAllRead, useMarkRead, type InboxItem } from '../inboxApi';
import { api, call } from '@/api/client';

const PAGE_SIZE = 20;

export default function InboxPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const showError = useShowError();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const inbox = useInbox(unreadOnly, page, PAGE_SIZE);
  const unread = useQuery({ queryKey: inboxKeys.unread, queryFn: () => call(api.GET('/api/notifications/inbox-items/unread-count')) });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  const open = async (item: InboxItem) => {
    try {
      if (!item.readAtUtc) await markRead.mutateAsync(item.id);
      if (item.link) void navigate(item.link);
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Card
      title={t('notifications.inboxTitle')}
      extra={
        <Button
          onClick={() => markAll.mutate(undefined, { onError: (e) => showError(e) })}
          disabled={Number(unread.data?.count ?? 0) === 0}
          loading={markAll.isPending}
          data-testid="inbox-mark-all"
        >
          {t('notifications.markAllRead')}
        </Button>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('notifications.inboxHint')}</Typography.Text>
        <Segmented
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(v) => {
            setUnreadOnly(v === 'unread');
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('notifications.all') },
            { value: 'unread', label: `${t('notifications.unread')}(${unread.data?.count ?? 0})` },
          ]}
          data-testid="inbox-filter"
        />
        <List
          loading={inbox.isLoading}
          dataSource={inbox.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('notifications.empty')} /> }}
          pagination={
            Number(inbox.data?.total ?? 0) > PAGE_SIZE
              ? { current: page, pageSize: PAGE_SIZE, total: Number(inbox.data?.total ?? 0), onChange: setPage, showSizeChanger: false }
              : false
          }
          data-testid="inbox-list"
          renderItem={(item) => (
            <List.Item
              key={item.id}
              data-testid={`inbox-item-${item.id}`}
              data-read={item.readAtUtc ? 'true' : 'false'}
              actions={[
                item.link ? (
                  <Button key="open" type="link" onClick={() => void open(item)}>
                    {t('notifications.open')}
                  </Button>
                ) : null,
                item.readAtUtc ? (
                  <Typography.Text key="read" type="secondary">
                    {t('notifications.read')}
                  </Typography.Text>
                ) : (
                  <Button
                    key="mark"
                    type="link"
                    onClick={() => markRead.mutate(item.id, { onError: (e) => showError(e) })}
                    data-testid={`mark-read-${item.id}`}
                  >
                    {t('notifications.markRead')}
                  </Button>
                ),
              ].filter(Boolean)}
            >
              <List.Item.Meta
                title={
                  <Space size={6}>
                    {item.readAtUtc ? null : <Badge status="processing" text={t('notifications.unreadTag')} />}
                    <Typography.Text strong={!item.readAtUtc}>{item.title}</Typography.Text>
                  </Space>
                }
                description={
                  <>
                    {item.body ? <div style={{ whiteSpace: 'pre-wrap', color: 'rgba(0,0,0,0.65)' }}>{item.body}</div> : null}
                    <Typography.Text type="secondary">
                      {t('notifications.receivedAt')}:{dayjs(item.createdAtUtc).format('YYYY-MM-DD HH:mm')}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Space>
    </Card>
  );
}
