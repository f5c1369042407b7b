// The bell in the header: the unread count (polled), a dropdown of the latest notifications, 全部已读, and a link to
// the inbox. Opening an item marks it read and goes to its link.
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, List, Popover, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useShowError } from '@/components/useShowError';
import { useInbox, useMarkAllRead, useMarkRead, useUnreadCount, type InboxItem } from '@/pages/notifications/inboxApi';

export const LATEST = 5;

export default function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const showError = useShowError();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const latest = useInbox(false, 1, LATEST, open);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const count = Number(unread.data?.count ?? 0);

  const onOpen = async (item: InboxItem) => {
    try {
      if (!item.readAtUtc) await markRead.mutateAsync(item.id);
      setOpen(false);
      if (item.link) void navigate(item.link);
    } catch (error) {
      showError(error);
    }
  };

  const content = (
    <div style={{ width: 340 }} data-testid="bell-panel">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Text strong>{t('notifications.latest')}</Typography.Text>
        <Button
          size="small"
          type="link"
          disabled={count === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate(undefined, { onError: (e) => showError(e) })}
          data-testid="bell-mark-all"
        >
          {t('notifications.markAllRead')}
        </Button>
      </Space>
      {latest.data && latest.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <List
          size="small"
          loading={latest.isLoading}
          dataSource={latest.data?.items ?? []}
          renderItem={(item) => (
            <List.Item
              key={item.id}
              data-testid={`bell-item-${item.id}`}
              style={{ cursor: 'pointer', paddingInline: 4 }}
              onClick={() => void onOpen(item)}
            >
              <List.Item.Meta
                title={
                  <Space size={4}>
                    {item.readAtUtc ? null : <Badge status="processing" aria-label={t('notifications.unreadTag')} />}
                    <Typography.Text strong={!item.readAtUtc}>{item.title}</Typography.Text>
                  </Space>
                }
                description={dayjs(item.createdAtUtc).format('YYYY-MM-DD HH:mm')}
              />
            </List.Item>
          )}
        />
      )}
      <div style={{ textAlign: 'center', marginTop: 8 }}>
        <Link to="/notifications" onClick={() => setOpen(false)} data-testid="bell-view-all">
          {t('notifications.viewAll')}
        </Link>
      </div>
    </div>
  );

  return (
    <Popover content={content} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen}>
      <Button
        type="text"
        aria-label={count > 0 ? t('notifications.bellWithCount', { count }) : t('notifications.bell')}
        title={t('notifications.bell')}
        data-testid="notification-bell"
      >
        <Badge count={count} size="small" overflowCount={99} data-testid="bell-count">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
