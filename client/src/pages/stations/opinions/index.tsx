// 社情民意: the opinion inbox of the active tenant (the district sees its streets'), newest first, with filters and the
// SLA light of referred opinions (green > 3 working days left, amber ≤ 3, red overdue); staff register opinions
// raised at visits, in the notebook, the box or by phone.
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, call } from '@/api/client';
import { opinionsKey, SLA_COLOR, type OpinionListItem, type OpinionStatus } from '@/api/opinions';
import { useSession } from '@/auth/me';
import ProblemResult from '@/components/ProblemResult';
import { useShowError } from '@/components/useShowError';

const STATUSES: OpinionStatus[] = ['Received', 'Referred', 'Answered', 'FedBack', 'Closed'];
const CHANNELS = ['QrCode', 'Visit', 'Notebook', 'OpinionBox', 'Phone', 'ReceptionEvent', 'Online'] as const;
type Channel = (typeof CHANNELS)[number];
const CATEGORIES = ['城市管理', '交通出行', '环境卫生', '物业小区', '教育医疗', '养老服务', '社会保障', '安全生产', '其他'];

interface Filters {
  status?: OpinionStatus;
  stationId?: string;
  category?: string;
  channel?: Channel;
  overdue?: boolean;
  page: number;
}

export default function OpinionInboxPage() {
  const { t } = useTranslation();
  const { access } = useSession();
  // A station's page links here with ?station=<id>: the inbox opens narrowed to that station.
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<Filters>(() => ({ page: 1, stationId: params.get('station') ?? undefined }));
  const [registering, setRegistering] = useState(false);
  const list = useQuery({
    queryKey: [...opinionsKey, filters],
    queryFn: () => call(api.GET('/api/stations/opinions', { params: { query: { ...filters, pageSize: 20 } } })),
    placeholderData: keepPreviousData,
  });
  const stations = useQuery({ queryKey: ['stations', 'list'], queryFn: () => call(api.GET('/api/stations/stations', {})) , enabled: access.canReadOpinions });

  if (list.isError && !list.data) return <ProblemResult error={list.error} onRetry={() => void list.refetch()} />;

  const columns: TableColumnsType<OpinionListItem> = [
    { title: t('opinions.inbox.code'), key: 'code', render: (_, r) => <Link to={`/stations/opinions/${r.id}`}>{r.trackingCode}</Link> },
    {
      title: t('opinions.inbox.content'),
      key: 'content',
      render: (_, r) => (
        <Space size={4} wrap>
          <span>{r.excerpt}</span>
          {r.confidential ? <Tag>{t('opinions.inbox.confidential')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('opinions.inbox.station'), dataIndex: 'stationName', key: 'station', responsive: ['md'] },
    { title: t('opinions.inbox.deputy'), dataIndex: 'deputyName', key: 'deputy', responsive: ['lg'] },
    { title: t('opinions.inbox.channel'), key: 'channel', responsive: ['lg'], render: (_, r) => t(`opinions.channel.${r.channel}`) },
    { title: t('opinions.inbox.category'), dataIndex: 'category', key: 'category', responsive: ['lg'] },
    { title: t('opinions.inbox.receivedOn'), dataIndex: 'receivedOn', key: 'receivedOn', responsive: ['md'] },
    { title: t('opinions.inbox.status'), key: 'status', render: (_, r) => <Tag data-testid={`opinion-status-${r.trackingCode}`}>{t(`opinions.status.${r.status}`)}</Tag> },
    {
      title: t('opinions.inbox.dueOn'),
      key: 'due',
      render: (_, r) =>
        r.dueOn ? (
          <Space size={4} wrap>
            <span>{r.dueOn}</span>
            {r.sla !== 'None' ? (
              <Tag color={SLA_COLOR[r.sla]} data-testid={`opinion-sla-${r.trackingCode}`}>
                {r.sla === 'Red' ? t('opinions.sla.Red') : t('opinions.daysLeft', { days: Number(r.workingDaysLeft) })}
              </Tag>
            ) : null}
          </Space>
        ) : null,
    },
  ];

  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('opinions.inbox.title')}</Typography.Title>}
      extra={access.canManageOpinions ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="opinion-register">{t('opinions.inbox.register')}</Button> : null}
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select allowClear placeholder={t('opinions.inbox.status')} style={{ width: 120 }} value={filters.status} aria-label={t('opinions.inbox.status')}
          options={STATUSES.map((s) => ({ value: s, label: t(`opinions.status.${s}`) }))} onChange={(status) => setFilters((f) => ({ ...f, status, page: 1 }))} />
        <Select allowClear placeholder={t('opinions.inbox.station')} style={{ width: 200 }} value={filters.stationId} aria-label={t('opinions.inbox.station')}
          options={(stations.data ?? []).map((s) => ({ value: s.id, label: s.name }))} onChange={(stationId) => setFilters((f) => ({ ...f, stationId, page: 1 }))} />
        <Select allowClear placeholder={t('opinions.inbox.category')} style={{ width: 140 }} value={filters.category} aria-label={t('opinions.inbox.category')}
          options={CATEGORIES.map((c) => ({ value: c, label: c }))} onChange={(category) => setFilters((f) => ({ ...f, category, page: 1 }))} />
        <Select allowClear placeholder={t('opinions.inbox.channel')} style={{ width: 140 }} value={filters.channel} aria-label={t('opinions.inbox.channel')}
          options={CHANNELS.map((c) => ({ value: c, label: t(`opinions.channel.${c}`) }))} onChange={(channel) => setFilters((f) => ({ ...f, channel, page: 1 }))} />
        <Space>
          <Switch checked={!!filters.overdue} onChange={(overdue) => setFilters((f) => ({ ...f, overdue: overdue || undefined, page: 1 }))} aria-label={t('opinions.inbox.overdue')} />
          <span>{t('opinions.inbox.overdue')}</span>
        </Space>
      </Space>
      <Table<OpinionListItem>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={{ current: filters.page, pageSize: 20, total: Number(list.data?.total ?? 0), onChange: (page) => setFilters((f) => ({ ...f, page })) }}
        scroll={{ x: 'max-content' }}
      />
      {registering ? <RegisterModal stations={stations.data ?? []} onClose={() => setRegistering(false)} /> : null}
    </Card>
  );
}

interface RegisterValues {
  channel: Exclude<Channel, 'QrCode'>;
  stationId?: string;
  deputyId?: string;
  content: string;
  category?: string;
  community?: string;
  confidential: boolean;
  contactName?: string;
  contactPhone?: string;
}

function RegisterModal({ stations, onClose }: { stations: { id: string; name: string }[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RegisterValues>();
  const stationId = Form.useWatch('stationId', form);
  const deputies = useQuery({ queryKey: ['stations', 'opinion-deputies'], queryFn: () => call(api.GET('/api/stations/opinions/station-deputies', {})) });
  const save = useMutation({
    mutationFn: (v: RegisterValues) =>
      call(
        api.POST('/api/stations/opinions', {
          body: {
            ...v,
            stationId: v.stationId ?? null,
            deputyId: v.deputyId ?? null,
            category: v.category ?? null,
            community: v.community?.trim() || null,
            contactName: v.contactName?.trim() || null,
            contactPhone: v.contactPhone?.trim() || null,
            receivedOn: null,
          },
        }),
      ),
    onSuccess: (r) => {
      void message.success(t('opinions.register.done', { code: r.trackingCode }));
      void queryClient.invalidateQueries({ queryKey: opinionsKey });
      onClose();
      void navigate(`/stations/opinions/${r.id}`);
    },
    onError: (e) => showError(e, form),
  });
  return (
    <Modal open title={t('opinions.register.title')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ channel: 'Visit', confidential: false }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="channel" label={t('opinions.register.channel')} rules={[{ required: true }]}>
          <Select options={CHANNELS.filter((c) => c !== 'QrCode').map((c) => ({ value: c, label: t(`opinions.channel.${c}`) }))} />
        </Form.Item>
        <Form.Item name="stationId" label={t('opinions.register.station')}>
          <Select allowClear options={stations.map((s) => ({ value: s.id, label: s.name }))} onChange={() => form.setFieldValue('deputyId', undefined)} />
        </Form.Item>
        <Form.Item name="deputyId" label={t('opinions.register.deputy')}>
          <Select allowClear options={(deputies.data ?? []).filter((d) => !stationId || d.stationId === stationId).map((d) => ({ value: d.deputyId, label: d.name }))} />
        </Form.Item>
        <Form.Item name="content" label={t('opinions.register.content')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="category" label={t('opinions.register.category')}>
          <Select allowClear options={CATEGORIES.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        <Form.Item name="community" label={t('opinions.register.community')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="confidential" valuePropName="checked">
          <Checkbox>{t('opinions.register.confidential')}</Checkbox>
        </Form.Item>
        <Form.Item name="contactName" label={t('opinions.register.contactName')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('opinions.register.contactPhone')}>
          <Input maxLength={30} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
