// 审计日志 (/system/audit): the platform audit log for the audit administrator (GET /api/platform/audit-entries),
// filtered by time, user, tenant, action, object, outcome and free text, newest first; an entry's before/after in a
// drawer (GET …/{seq}); "校验日志完整性" recomputes the hash chain (POST …/verify); 导出 (Excel or CSV) of the filtered
// entries through the shared exports (source platform.audit-entries).
import { SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Grid,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '@/api/client';
import { useSession } from '@/auth/me';
import ExportButton from '@/components/ExportButton';
import ProblemResult from '@/components/ProblemResult';
import { useShowError } from '@/components/useShowError';
import { formatDateTime } from '@/components/format';

type Entry = Schemas['AuditEntryDto'];
type Verification = Schemas['AuditVerificationDto'];
type Outcome = 'succeeded' | 'refused' | 'failed';

/** The server's limit on each text filter (AuditScope.MaxTextLength). */
export const MAX_TEXT = 100;
export const OUTCOMES: Outcome[] = ['succeeded', 'refused', 'failed'];
const OUTCOME_COLOR: Record<Outcome, string> = { succeeded: 'success', refused: 'warning', failed: 'error' };

export interface AuditQuery {
  from?: string;
  to?: string;
  userName?: string;
  tenantId?: string;
  action?: string;
  entityId?: string;
  outcome?: Outcome;
  text?: string;
}
interface FilterValues extends Omit<AuditQuery, 'from' | 'to'> {
  range?: [Dayjs | null, Dayjs | null] | null;
}

const blank = (value: string | undefined) => (value && value.trim() ? value.trim() : undefined);

/** The form's values as the API's query: blank fields left out, the range as ISO instants. */
export function toQuery(values: FilterValues): AuditQuery {
  const [start, end] = values.range ?? [];
  return {
    from: start ? start.toISOString() : undefined,
    to: end ? end.toISOString() : undefined,
    userName: blank(values.userName),
    tenantId: values.tenantId || undefined,
    action: blank(values.action),
    entityId: blank(values.entityId),
    outcome: values.outcome || undefined,
    text: blank(values.text),
  };
}

function OutcomeTag({ entry }: { entry: Pick<Entry, 'outcome' | 'errorCode'> }) {
  const { t } = useTranslation();
  const outcome = entry.outcome as Outcome;
  return (
    <Space size={4} wrap>
      <Tag color={OUTCOME_COLOR[outcome] ?? 'default'}>{t(`audit.outcomes.${outcome}`, { defaultValue: entry.outcome })}</Tag>
      {entry.errorCode ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{entry.errorCode}</Typography.Text> : null}
    </Space>
  );
}

function EntryDrawer({ seq, onClose }: { seq: Entry['seq']; onClose: () => void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const detail = useQuery({
    queryKey: ['platform', 'audit-entries', String(seq)],
    queryFn: () => call(api.GET('/api/platform/audit-entries/{seq}', { params: { path: { seq: Number(seq) } } })),
  });
  const entry = detail.data?.entry;
  return (
    <Drawer open title={t('audit.detailTitle', { seq: String(seq) })} onClose={onClose} size={screens.md ? 760 : '100%'}>
      {detail.isError ? <ProblemResult error={detail.error} onRetry={() => void detail.refetch()} extra={[]} /> : null}
      {entry ? (
        <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="audit-detail">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('audit.time')}>{formatDateTime(entry.occurredAtUtc)}</Descriptions.Item>
            <Descriptions.Item label={t('audit.user')}>{entry.userName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('audit.tenant')}>{entry.tenantName ?? t('audit.noTenant')}</Descriptions.Item>
            <Descriptions.Item label={t('audit.action')}>
              {t(`audit.categories.${entry.category}`, { defaultValue: entry.category })} · <Typography.Text code>{entry.action}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.outcome')}>
              <OutcomeTag entry={entry} />
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.ip')}>{entry.ipAddress ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('audit.userAgent')}>{entry.userAgent ?? '—'}</Descriptions.Item>
            {entry.jobKey ? <Descriptions.Item label={t('audit.job')}>{entry.jobKey}</Descriptions.Item> : null}
            {entry.detail ? <Descriptions.Item label={t('audit.detail')}>{entry.detail}</Descriptions.Item> : null}
            <Descriptions.Item label={t('audit.hash')}>
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>{detail.data?.hash}</Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ margin: 0 }}>{t('audit.changes')}</Typography.Title>
          {detail.data?.changes.length ? (
            detail.data.changes.map((change) => (
              <Card
                key={`${change.type}-${change.id}`}
                size="small"
                title={
                  <Space wrap>
                    <span>{change.type}</span>
                    <Tag>{t(`audit.states.${change.state}`, { defaultValue: change.state })}</Tag>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{change.id}</Typography.Text>
                  </Space>
                }
              >
                <Table
                  size="small"
                  rowKey="name"
                  pagination={false}
                  data-testid="audit-changes"
                  dataSource={change.fields}
                  scroll={{ x: 'max-content' }}
                  columns={[
                    { title: t('audit.field'), dataIndex: 'name', key: 'name' },
                    { title: t('audit.before'), dataIndex: 'before', key: 'before', render: (v: string | null) => v ?? '—' },
                    { title: t('audit.after'), dataIndex: 'after', key: 'after', render: (v: string | null) => v ?? '—' },
                  ]}
                  locale={{ emptyText: t('audit.noFieldChanges') }}
                />
              </Card>
            ))
          ) : (
            <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>
          )}
        </Space>
      ) : null}
    </Drawer>
  );
}

function VerificationResult({ result }: { result: Verification }) {
  const { t } = useTranslation();
  return (
    <Alert
      data-testid="audit-verification"
      showIcon
      type={result.intact ? 'success' : 'error'}
      title={result.intact ? t('audit.intact') : t('audit.broken', { seq: String(result.firstBrokenSeq) })}
      description={
        <Space orientation="vertical" size={0}>
          <span>{result.message}</span>
          <Typography.Text type="secondary">
            {t('audit.verifiedRange', { from: String(result.fromSeq), to: String(result.toSeq), at: formatDateTime(result.verifiedAtUtc) })}
          </Typography.Text>
        </Space>
      }
    />
  );
}

export default function AuditPage() {
  const { t } = useTranslation();
  const { access } = useSession();
  const showError = useShowError();
  const [form] = Form.useForm<FilterValues>();
  const [query, setQuery] = useState<AuditQuery>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [open, setOpen] = useState<Entry['seq']>();

  const entries = useQuery({
    queryKey: ['platform', 'audit-entries', query, paging],
    queryFn: () => call(api.GET('/api/platform/audit-entries', { params: { query: { ...query, ...paging } } })),
    placeholderData: keepPreviousData,
  });
  const tenants = useQuery({
    queryKey: ['identity', 'tenants'],
    queryFn: () => call(api.GET('/api/identity/tenants')),
    enabled: access.canReadTenants,
  });
  const tenantOptions = useMemo(() => (tenants.data ?? []).map((x) => ({ value: x.id, label: x.name })), [tenants.data]);
  const verify = useMutation({
    mutationFn: () => call(api.POST('/api/platform/audit-entries/verify')),
    onError: (error) => showError(error),
  });
  if (entries.isError && !entries.data) return <ProblemResult error={entries.error} onRetry={() => void entries.refetch()} />;

  const columns: TableColumnsType<Entry> = [
    { title: t('audit.time'), dataIndex: 'occurredAtUtc', key: 'time', render: formatDateTime, width: 170 },
    { title: t('audit.user'), dataIndex: 'userName', key: 'user', render: (v: string | null) => v ?? '—' },
    { title: t('audit.tenant'), dataIndex: 'tenantName', key: 'tenant', render: (v: string | null) => v ?? t('audit.noTenant') },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      key: 'action',
      render: (action: string, e) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text code>{action}</Typography.Text>
          {e.detail ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: e.detail }}>
              {e.detail}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('audit.object'),
      key: 'object',
      responsive: ['lg'],
      // Ids are long: the start of the id, the whole of it on hover and in the drawer.
      render: (_, e) =>
        e.entityType ? (
          <span title={e.entityId ?? undefined}>
            {e.entityType} {e.entityId && e.entityId.length > 12 ? `${e.entityId.slice(0, 8)}…` : e.entityId}
          </span>
        ) : (
          '—'
        ),
    },
    { title: t('audit.outcome'), key: 'outcome', render: (_, e) => <OutcomeTag entry={e} /> },
    { title: t('audit.ip'), dataIndex: 'ipAddress', key: 'ip', render: (v: string | null) => v ?? '—' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, e) => (
        <Button type="link" size="small" data-testid="audit-view" aria-label={`${t('audit.view')} ${String(e.seq)}`} onClick={() => setOpen(e.seq)}>
          {t('audit.view')}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title={t('audit.title')}
      data-testid="audit-page"
      extra={
        <Space wrap>
          <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="audit-verify">
            {t('audit.verify')}
          </Button>
          {access.canUseExports ? <ExportButton source="platform.audit-entries" filter={{ ...query }} /> : null}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('audit.intro')}</Typography.Paragraph>
      {verify.data ? (
        <div style={{ marginBottom: 16 }}>
          <VerificationResult result={verify.data} />
        </div>
      ) : null}
      <Form<FilterValues>
        form={form}
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(values) => {
          setQuery(toQuery(values));
          setPaging((p) => ({ ...p, page: 1 }));
        }}
      >
        <Form.Item name="range" label={t('audit.range')}>
          <DatePicker.RangePicker showTime allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item name="userName" label={t('audit.user')} rules={[{ max: MAX_TEXT, message: t('audit.tooLong', { max: MAX_TEXT }) }]}>
          <Input allowClear maxLength={MAX_TEXT} style={{ width: 140 }} />
        </Form.Item>
        {tenantOptions.length > 1 ? (
          <Form.Item name="tenantId" label={t('audit.tenant')}>
            <Select allowClear options={tenantOptions} style={{ width: 180 }} placeholder={t('audit.allTenants')} />
          </Form.Item>
        ) : null}
        <Form.Item name="action" label={t('audit.action')} rules={[{ max: MAX_TEXT, message: t('audit.tooLong', { max: MAX_TEXT }) }]}>
          <Input allowClear maxLength={MAX_TEXT} style={{ width: 200 }} placeholder={t('audit.actionPlaceholder')} />
        </Form.Item>
        <Form.Item name="entityId" label={t('audit.object')} rules={[{ max: MAX_TEXT, message: t('audit.tooLong', { max: MAX_TEXT }) }]}>
          <Input allowClear maxLength={MAX_TEXT} style={{ width: 200 }} placeholder={t('audit.objectPlaceholder')} />
        </Form.Item>
        <Form.Item name="outcome" label={t('audit.outcome')}>
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('audit.allOutcomes')}
            options={OUTCOMES.map((o) => ({ value: o, label: t(`audit.outcomes.${o}`) }))}
          />
        </Form.Item>
        <Form.Item name="text" label={t('audit.text')} rules={[{ max: MAX_TEXT, message: t('audit.tooLong', { max: MAX_TEXT }) }]}>
          <Input allowClear maxLength={MAX_TEXT} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
              {t('audit.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setQuery({});
                setPaging((p) => ({ ...p, page: 1 }));
              }}
            >
              {t('audit.reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <Table<Entry>
        data-testid="audit-table"
        rowKey={(e) => String(e.seq)}
        size="middle"
        loading={entries.isFetching}
        dataSource={entries.data?.items ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('audit.empty') }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: Number(entries.data?.total ?? 0),
          showSizeChanger: true,
          showTotal: (total) => t('audit.total', { count: total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
      {open !== undefined ? <EntryDrawer seq={open} onClose={() => setOpen(undefined)} /> : null}
    </Card>
  );
}
