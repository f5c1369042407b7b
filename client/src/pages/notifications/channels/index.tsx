// 通知渠道 (/system/notification-channels): the tenant administrator's SMTP server and WeCom / DingTalk group robots,
// a test message per channel, and the delivery log with every attempt. Secrets are write-only: the API says whether
// one is set; a blank field keeps it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Divider,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '@/api/client';
import ProblemResult from '@/components/ProblemResult';
import { useShowError } from '@/components/useShowError';
import { formatDateTime } from '@/components/format';

type Settings = Schemas['ChannelSettingsDto'];
type Delivery = Schemas['DeliveryDto'];
type Channel = Delivery['channel'];
type Status = Delivery['status'];
type Values = Omit<Schemas['UpdateChannelSettingsCommand'], 'version' | 'smtpPort'> & { smtpPort: number };

const settingsKey = ['notifications', 'channels'] as const;
const deliveriesKey = (page: number) => ['notifications', 'deliveries', page] as const;
const STATUS_COLOR: Record<Status, string> = {
  Pending: 'orange',
  Sending: 'blue',
  Sent: 'green',
  Failed: 'red',
  AwaitingDigest: 'default',
  Digested: 'default',
};
const SECRETS = ['smtpPassword', 'weComWebhook', 'dingTalkWebhook', 'dingTalkSecret'] as const;

/** The form's values from the stored settings: secrets start blank (blank keeps them). */
export function toValues(s: Settings): Values {
  return {
    smtpEnabled: s.smtpEnabled,
    smtpHost: s.smtpHost,
    smtpPort: Number(s.smtpPort),
    smtpSecurity: s.smtpSecurity,
    smtpUserName: s.smtpUserName,
    smtpPassword: null,
    smtpFromAddress: s.smtpFromAddress,
    smtpFromName: s.smtpFromName,
    weComEnabled: s.weComEnabled,
    weComWebhook: null,
    dingTalkEnabled: s.dingTalkEnabled,
    dingTalkWebhook: null,
    dingTalkSecret: null,
    robotCategories: s.robotCategories,
  };
}

/** The body to PUT: a blank secret is null (keep), one the administrator cleared is "" (remove). */
export function toBody(values: Values, cleared: ReadonlySet<string>, version: string | null): Schemas['UpdateChannelSettingsCommand'] {
  const body = { ...values, version } as Schemas['UpdateChannelSettingsCommand'];
  for (const secret of SECRETS) {
    const value = values[secret];
    body[secret] = cleared.has(secret) ? '' : value ? value : null;
  }
  return body;
}

function SecretInput({ name, label, set, cleared, onClear }: { name: string; label: string; set: boolean; cleared: boolean; onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <Form.Item label={label} extra={set && !cleared ? null : undefined}>
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item name={name} noStyle>
          <Input.Password
            aria-label={label}
            placeholder={cleared ? t('notifications.secretNotSet') : set ? t('notifications.secretSet') : t('notifications.secretNotSet')}
            autoComplete="new-password"
            data-testid={`secret-${name}`}
          />
        </Form.Item>
        {set && !cleared ? (
          <Button onClick={onClear} data-testid={`clear-${name}`}>
            {t('notifications.clearSecret')}
          </Button>
        ) : null}
      </Space.Compact>
    </Form.Item>
  );
}

export default function ChannelsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [cleared, setCleared] = useState<Set<string>>(new Set());
  const [page, setPage] = useState(1);
  const settings = useQuery({ queryKey: settingsKey, queryFn: () => call(api.GET('/api/notifications/channels')) });
  const deliveries = useQuery({
    queryKey: deliveriesKey(page),
    queryFn: () => call(api.GET('/api/notifications/deliveries', { params: { query: { page, pageSize: 10 } } })),
  });
  useEffect(() => {
    if (settings.data) {
      form.setFieldsValue(toValues(settings.data));
      setCleared(new Set());
    }
  }, [settings.data, form]);

  const save = useMutation({
    mutationFn: (values: Values) =>
      call(api.PUT('/api/notifications/channels', { body: toBody(values, cleared, settings.data?.version ?? null) })),
    onSuccess: (data) => {
      client.setQueryData(settingsKey, data);
      void message.success(t('notifications.saved'));
    },
    onError: (e) => showError(e, form),
  });
  const test = useMutation({
    mutationFn: (channel: Channel) => call(api.POST('/api/notifications/channels/{channel}/test', { params: { path: { channel } } })),
    onSuccess: (delivery) => {
      if (delivery.status === 'Sent') void message.success(t('notifications.testSent'));
      else void message.error(t('notifications.testFailed', { error: delivery.lastError ?? '' }));
      void client.invalidateQueries({ queryKey: ['notifications', 'deliveries'] });
    },
    onError: (e) => showError(e),
  });

  if (settings.isError) return <ProblemResult error={settings.error} onRetry={() => void settings.refetch()} />;
  const s = settings.data;
  const clear = (name: string) => setCleared(new Set([...cleared, name]));

  const columns: TableColumnsType<Delivery> = [
    { title: t('notifications.createdAt'), dataIndex: 'createdAtUtc', render: (v: string) => formatDateTime(v) },
    { title: t('notifications.channel'), dataIndex: 'channel', render: (c: Channel) => t(`notifications.channels.${c}`) },
    { title: t('notifications.title'), dataIndex: 'subject' },
    {
      title: t('notifications.status'),
      dataIndex: 'status',
      render: (v: Status) => <Tag color={STATUS_COLOR[v]}>{t(`notifications.statuses.${v}`)}</Tag>,
    },
    { title: t('notifications.attempts'), dataIndex: 'attempts' },
    {
      title: t('notifications.nextAttemptAt'),
      render: (_, d) => (d.status === 'Pending' ? dayjs(d.nextAttemptAtUtc).format('HH:mm:ss') : '—'),
    },
    { title: t('notifications.lastError'), dataIndex: 'lastError', ellipsis: true },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card title={t('notifications.channelsTitle')} loading={settings.isLoading}>
        <Typography.Paragraph type="secondary">{t('notifications.channelsHint')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="channels-form">
          <Divider titlePlacement="start">{t('notifications.smtp')}</Divider>
          <Form.Item name="smtpEnabled" label={t('notifications.smtpEnabled')} valuePropName="checked">
            <Switch aria-label={t('notifications.smtpEnabled')} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="smtpHost" label={t('notifications.smtpHost')}>
                <Input placeholder="smtp.example.gov.cn" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="smtpPort" label={t('notifications.smtpPort')}>
                <InputNumber min={1} max={65535} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="smtpSecurity" label={t('notifications.smtpSecurity')}>
                <Select
                  options={(['None', 'StartTls'] as const).map((v) => ({ value: v, label: t(`notifications.security.${v}`) }))}
                  aria-label={t('notifications.smtpSecurity')}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="smtpUserName" label={t('notifications.smtpUserName')}>
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <SecretInput
                name="smtpPassword"
                label={t('notifications.smtpPassword')}
                set={!!s?.smtpPasswordSet}
                cleared={cleared.has('smtpPassword')}
                onClear={() => clear('smtpPassword')}
              />
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="smtpFromAddress" label={t('notifications.smtpFromAddress')}>
                <Input placeholder="noreply@example.gov.cn" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="smtpFromName" label={t('notifications.smtpFromName')}>
                <Input />
              </Form.Item>
            </Col>
          </Row>

          <Divider titlePlacement="start">{t('notifications.weCom')}</Divider>
          <Form.Item name="weComEnabled" label={t('notifications.weComEnabled')} valuePropName="checked">
            <Switch aria-label={t('notifications.weComEnabled')} />
          </Form.Item>
          <SecretInput
            name="weComWebhook"
            label={`${t('notifications.weCom')} ${t('notifications.weComWebhook')}`}
            set={!!s?.weComWebhookSet}
            cleared={cleared.has('weComWebhook')}
            onClear={() => clear('weComWebhook')}
          />

          <Divider titlePlacement="start">{t('notifications.dingTalk')}</Divider>
          <Form.Item name="dingTalkEnabled" label={t('notifications.dingTalkEnabled')} valuePropName="checked">
            <Switch aria-label={t('notifications.dingTalkEnabled')} />
          </Form.Item>
          <SecretInput
            name="dingTalkWebhook"
            label={`${t('notifications.dingTalk')} ${t('notifications.dingTalkWebhook')}`}
            set={!!s?.dingTalkWebhookSet}
            cleared={cleared.has('dingTalkWebhook')}
            onClear={() => clear('dingTalkWebhook')}
          />
          <SecretInput
            name="dingTalkSecret"
            label={t('notifications.dingTalkSecret')}
            set={!!s?.dingTalkSecretSet}
            cleared={cleared.has('dingTalkSecret')}
            onClear={() => clear('dingTalkSecret')}
          />
          <Form.Item name="robotCategories" label={t('notifications.robotCategories')}>
            <Checkbox.Group options={(s?.availableCategories ?? []).map((c) => ({ value: c.key, label: c.name }))} />
          </Form.Item>

          <Space wrap>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="save-channels">
              {t('notifications.save')}
            </Button>
            {(['Email', 'WeCom', 'DingTalk'] as const).map((channel) => (
              <Button
                key={channel}
                onClick={() => test.mutate(channel)}
                loading={test.isPending && test.variables === channel}
                data-testid={`test-${channel}`}
              >
                {t('notifications.sendTest')}({t(`notifications.channels.${channel}`)})
              </Button>
            ))}
          </Space>
        </Form>
      </Card>
      <Card title={t('notifications.deliveries')}>
        <Table<Delivery>
          rowKey="id"
          size="small"
          loading={deliveries.isLoading}
          dataSource={deliveries.data?.items ?? []}
          columns={columns}
          data-testid="deliveries"
          scroll={{ x: 900 }}
          pagination={{ current: page, pageSize: 10, total: Number(deliveries.data?.total ?? 0), onChange: setPage, showSizeChanger: false }}
          expandable={{
            rowExpandable: (d) => d.attemptLog.length > 0,
            expandedRowRender: (d) => (
              <ul style={{ margin: 0 }} aria-label={t('notifications.attemptLog')}>
                {d.attemptLog.map((a) => (
                  <li key={String(a.number)}>
                    {t('notifications.attemptLine', {
                      number: a.number,
                      time: formatDateTime(a.startedAtUtc),
                      duration: a.durationMs,
                      outcome: a.succeeded ? t('notifications.succeeded') : t('notifications.failed'),
                    })}
                    {a.statusCode != null ? `(${a.statusCode})` : ''}
                    {a.error ? `:${a.error}` : ''}
                  </li>
                ))}
              </ul>
            ),
          }}
        />
      </Card>
    </Space>
  );
}
