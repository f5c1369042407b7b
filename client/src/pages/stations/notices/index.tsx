// 月度公示: the monthly notices of the active tenant (the district sees its streets'), latest cut-off first, by
// station, status and cut-off; staff compile a cut-off now (立即汇总) — the job does it on the 20th at 06:00 — and open
// a notice to review it.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, DatePicker, Form, Modal, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '@/api/client';
import { latestCutOff, NOTICE_STATUS_COLOR, NOTICE_STATUSES, noticesKey, type StationNoticeListItem, type StationNoticeStatus } from '@/api/notices';
import { useSession } from '@/auth/me';
import ProblemResult from '@/components/ProblemResult';
import { useShowError } from '@/components/useShowError';

interface Filters {
  stationId?: string;
  status?: StationNoticeStatus;
  from?: string;
  to?: string;
  page: number;
}

export default function StationNoticesPage() {
  const { t } = useTranslation();
  const { access } = useSession();
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<Filters>(() => ({ page: 1, stationId: params.get('station') ?? undefined }));
  const [running, setRunning] = useState(false);
  const list = useQuery({
    queryKey: [...noticesKey, filters],
    queryFn: () => call(api.GET('/api/stations/notices', { params: { query: { ...filters, pageSize: 20 } } })),
    placeholderData: keepPreviousData,
  });
  const stations = useQuery({ queryKey: ['stations', 'list'], queryFn: () => call(api.GET('/api/stations/stations', {})) });

  if (list.isError && !list.data) return <ProblemResult error={list.error} onRetry={() => void list.refetch()} />;

  const columns: TableColumnsType<StationNoticeListItem> = [
    { title: t('notices.list.station'), dataIndex: 'stationName', key: 'station' },
    { title: t('notices.list.period'), key: 'period', render: (_, r) => `${r.periodStart} ~ ${r.periodEnd}` },
    {
      title: t('notices.list.status'),
      key: 'status',
      render: (_, r) => (
        <Tag color={NOTICE_STATUS_COLOR[r.status]} data-testid={`notice-status-${r.id}`}>
          {t(`notices.status.${r.status}`)}
        </Tag>
      ),
    },
    {
      title: t('notices.list.items'),
      key: 'items',
      render: (_, r) => (
        <Space size={4} wrap>
          <span>{Number(r.itemCount)}</span>
          {Number(r.excludedCount) > 0 ? <Tag>{t('notices.list.excluded', { count: Number(r.excludedCount) })}</Tag> : null}
          {Number(r.confidentialCount) > 0 ? <Tag>{t('notices.list.confidential', { count: Number(r.confidentialCount) })}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('notices.list.publishedAt'),
      key: 'publishedAt',
      responsive: ['md'],
      render: (_, r) => (r.publishedAtUtc ? dayjs(r.publishedAtUtc).format('YYYY-MM-DD HH:mm') : null),
    },
    {
      key: 'open',
      render: (_, r) => (
        <Link to={`/stations/notices/${r.id}`} data-testid={`notice-open-${r.id}`}>
          {r.status === 'Draft' && access.canManageNotices ? t('notices.list.open') : t('notices.list.view')}
        </Link>
      ),
    },
  ];

  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{t('notices.list.title')}</Typography.Title>}
      extra={
        access.canManageNotices ? (
          <Button type="primary" onClick={() => setRunning(true)} data-testid="notice-run">
            {t('notices.list.run')}
          </Button>
        ) : null
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select allowClear placeholder={t('notices.list.station')} style={{ width: 200 }} value={filters.stationId} aria-label={t('notices.list.station')}
          options={(stations.data ?? []).map((s) => ({ value: s.id, label: s.name }))} onChange={(stationId) => setFilters((f) => ({ ...f, stationId, page: 1 }))} />
        <Select allowClear placeholder={t('notices.list.status')} style={{ width: 120 }} value={filters.status} aria-label={t('notices.list.status')}
          options={NOTICE_STATUSES.map((s) => ({ value: s, label: t(`notices.status.${s}`) }))} onChange={(status) => setFilters((f) => ({ ...f, status, page: 1 }))} />
        <DatePicker.RangePicker
          aria-label={t('notices.list.cutOff')}
          value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
          onChange={(range) =>
            setFilters((f) => ({ ...f, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD'), page: 1 }))
          }
        />
      </Space>
      <Table<StationNoticeListItem>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('notices.list.empty') }}
        pagination={{ current: filters.page, pageSize: 20, total: Number(list.data?.total ?? 0), onChange: (page) => setFilters((f) => ({ ...f, page })) }}
        scroll={{ x: 'max-content' }}
      />
      {running ? <RunModal onClose={() => setRunning(false)} /> : null}
    </Card>
  );
}

interface RunValues {
  cutOff: Dayjs;
  publish: boolean;
}

function RunModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RunValues>();
  const run = useMutation({
    mutationFn: (v: RunValues) =>
      call(api.POST('/api/stations/notices/runs', { body: { cutOff: v.cutOff.format('YYYY-MM-DD'), publish: v.publish } })),
    onSuccess: async (r) => {
      message.success(
        t('notices.list.ran', { created: Number(r.created), refreshed: Number(r.refreshed), published: Number(r.published), unchanged: Number(r.unchanged) }),
      );
      await queryClient.invalidateQueries({ queryKey: noticesKey });
      onClose();
    },
    onError: (e) => showError(e, form),
  });
  return (
    <Modal open title={t('notices.list.runTitle')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={run.isPending} okButtonProps={{ 'data-testid': 'notice-run-ok' }}>
      <Typography.Paragraph type="secondary">{t('notices.list.runHint')}</Typography.Paragraph>
      <Form<RunValues>
        form={form}
        layout="vertical"
        initialValues={{ cutOff: dayjs(latestCutOff(dayjs().format('YYYY-MM-DD'))), publish: false }}
        onFinish={(v) => run.mutate(v)}
      >
        <Form.Item name="cutOff" label={t('notices.list.cutOff')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(d) => d.date() !== 20 || d.isAfter(dayjs(), 'day')} data-testid="notice-run-cutoff" />
        </Form.Item>
        <Form.Item name="publish" valuePropName="checked">
          <Checkbox>{t('notices.list.publishDirectly')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
