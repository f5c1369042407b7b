// The inbox's queries and mutations, shared by the bell in the header and the inbox page.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '@/api/client';

export type InboxItem = Schemas['InboxItemDto'];

export const inboxKeys = {
  all: ['notifications', 'inbox'] as const,
  unread: ['notifications', 'inbox', 'unread-count'] as const,
  list: (unreadOnly: boolean, page: number, pageSize: number) => ['notifications', 'inbox', 'list', unreadOnly, page, pageSize] as const,
};

/** How often the bell asks for the unread count (the call is one indexed COUNT). */
export const POLL_MS = 30_000;

export function useUnreadCount(enabled = true) {
  return useQuery({
    queryKey: inboxKeys.unread,
    queryFn: () => call(api.GET('/api/notifications/inbox-items/unread-count')),
    refetchInterval: POLL_MS,
    enabled,
  });
}

export function useInbox(unreadOnly: boolean, page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: inboxKeys.list(unreadOnly, page, pageSize),
    queryFn: () => call(api.GET('/api/notifications/inbox-items', { params: { query: { unreadOnly, page, pageSize } } })),
    enabled,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(api.POST('/api/notifications/inbox-items/{id}/read', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: inboxKeys.all }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST('/api/notifications/inbox-items/read-all')),
    onSuccess: () => client.invalidateQueries({ queryKey: inboxKeys.all }),
  });
}
