// 通知设置 (/profile/notifications): per category, whether the person also gets an e-mail — off, immediately or in the
// daily digest. The inbox always gets everything.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Radio, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '@/api/client';
import ProblemResult from '@/components/ProblemResult';
import { useShowError } from '@/components/useShowError';

type Preference = Schemas['PreferenceDto'];
type Mode = Preference['email'];
const MODES: Mode[] = ['Off', 'Immediately', 'DailyDigest'];
const key = ['notifications', 'preferences'] as const;

export default function PreferencesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const client = useQueryClient();
  const preferences = useQuery({ queryKey: key, queryFn: () => call(api.GET('/api/notifications/preferences')) });
  // The user's changes over what is stored: derived, so no render ever shows the stored choices as changed.
  const [edits, setEdits] = useState<Record<string, Mode>>({});
  const choices = useMemo<Record<string, Mode>>(
    () => ({ ...Object.fromEntries((preferences.data ?? []).map((p) => [p.category, p.email])), ...edits }),
    [preferences.data, edits],
  );
  const save = useMutation({
    mutationFn: () =>
      call(
        api.PUT('/api/notifications/preferences', {
          body: { preferences: Object.entries(choices).map(([category, email]) => ({ category, email })) },
        }),
      ),
    onSuccess: (data) => {
      client.setQueryData(key, data);
      setEdits({});
      void message.success(t('notifications.saved'));
    },
    onError: (e) => showError(e),
  });

  if (preferences.isError) return <ProblemResult error={preferences.error} onRetry={() => void preferences.refetch()} />;
  const changed = (preferences.data ?? []).some((p) => choices[p.category] !== p.email);

  return (
    <Card title={t('notifications.preferencesTitle')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('notifications.preferencesHint')}</Typography.Paragraph>
        <Table<Preference>
          rowKey="category"
          loading={preferences.isLoading}
          dataSource={preferences.data ?? []}
          pagination={false}
          data-testid="preferences"
          columns={[
            { title: t('notifications.category'), dataIndex: 'name' },
            {
              title: t('notifications.email'),
              render: (_, p) => (
                <Radio.Group
                  value={choices[p.category] ?? p.email}
                  onChange={(e) => setEdits({ ...edits, [p.category]: e.target.value as Mode })}
                  aria-label={`${p.name} ${t('notifications.email')}`}
                  data-testid={`preference-${p.category}`}
                  options={MODES.map((m) => ({ value: m, label: t(`notifications.emailModes.${m}`) }))}
                />
              ),
            },
          ]}
        />
        <Button type="primary" disabled={!changed} loading={save.isPending} onClick={() => save.mutate()} data-testid="save-preferences">
          {t('notifications.save')}
        </Button>
      </Space>
    </Card>
  );
}
