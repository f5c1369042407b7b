// 我的导出: the signed-in user's own exports, newest first, with their progress (polled while one is queued or
// running), size, download and delete. Files are kept for a few days (the server's Exports:RetentionDays).
import { DeleteOutlined, DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Progress, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '@/api/client';
import { downloadExport, exportsKey, isRunning, type ExportJob } from '@/api/exports';
import ProblemResult from '@/components/ProblemResult';
import { useShowError } from '@/components/useShowError';
import { formatDateTime, formatSize } from '@/components/format';

const STATUS_COLOR: Record<ExportJob['status'], string> = { Queued: 'default', Running: 'processing', Completed: 'success', Failed: 'error' };

const percentOf = (job: ExportJob) => {
  if (job.status === 'Completed') return 100;
  const total = Number(job.totalRows);
  return total > 0 ? Math.min(99, Math.floor((Number(job.rowsWritten) * 100) / total)) : 0;
};

export default function ExportsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });

  const exports = useQuery({
    queryKey: [...exportsKey, paging],
    queryFn: () => call(api.GET('/api/platform/exports', { params: { query: paging } })),
    placeholderData: keepPreviousData,
    // While one is being written, follow its progress.
    refetchInterval: (query) => (query.state.data?.items.some(isRunning) ? 2000 : false),
  });
  const remove = useMutation({
    mutationFn: (job: ExportJob) => call(api.DELETE('/api/platform/exports/{id}', { params: { path: { id: job.id } } })),
    onSuccess: (_, job) => {
      void message.success(t('exports.deleted', { name: job.title }));
      void queryClient.invalidateQueries({ queryKey: exportsKey });
    },
    onError: (error) => showError(error),
  });
  const download = async (job: ExportJob) => {
    try {
      await downloadExport(job);
    } catch (error) {
      showError(error);
    }
  };

  if (exports.isError && !exports.data) return <ProblemResult error={exports.error} onRetry={() => void exports.refetch()} />;

  const columns: TableColumnsType<ExportJob> = [
    {
      title: t('exports.name'),
      key: 'name',
      render: (_, job) => (
        <Space orientation="vertical" size={0}>
          <span>{job.title}</span>
          {job.fileName ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {job.fileName}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    { title: t('exports.format'), dataIndex: 'format', key: 'format', render: (f: ExportJob['format']) => <Tag>{t(`exports.formatName.${f}`)}</Tag> },
    {
      title: t('exports.status'),
      key: 'status',
      render: (_, job) => {
        const tag = <Tag color={STATUS_COLOR[job.status]}>{t(`exports.statusName.${job.status}`)}</Tag>;
        return job.error ? <Tooltip title={job.error}>{tag}</Tooltip> : tag;
      },
    },
    {
      title: t('exports.progress'),
      key: 'progress',
      render: (_, job) => (
        <Progress
          percent={percentOf(job)}
          size="small"
          style={{ width: 140 }}
          status={job.status === 'Failed' ? 'exception' : isRunning(job) ? 'active' : undefined}
          aria-label={`${t('exports.progress')} ${job.title}`}
        />
      ),
    },
    { title: t('exports.rows'), key: 'rows', render: (_, job) => Number(job.status === 'Completed' ? job.rowsWritten : job.totalRows).toLocaleString() },
    { title: t('exports.size'), key: 'size', responsive: ['md'], render: (_, job) => formatSize(job.sizeBytes == null ? null : Number(job.sizeBytes)) },
    { title: t('exports.createdAt'), dataIndex: 'createdAtUtc', key: 'createdAt', responsive: ['md'], render: (v: string) => formatDateTime(v) },
    {
      title: t('exports.download'),
      key: 'download',
      render: (_, job) => (
        <Button
          type="link"
          size="small"
          icon={<DownloadOutlined />}
          disabled={job.status !== 'Completed'}
          aria-label={`${t('exports.download')} ${job.fileName ?? job.title}`}
          data-testid={`export-download-${job.id}`}
          onClick={() => void download(job)}
        >
          {t('exports.download')}
        </Button>
      ),
    },
    {
      title: t('exports.delete'),
      key: 'delete',
      render: (_, job) => (
        <Popconfirm title={t('exports.deleteConfirm', { name: job.title })} okText={t('exports.delete')} onConfirm={() => remove.mutate(job)}>
          <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={`${t('exports.delete')} ${job.title}`} data-testid={`export-delete-${job.id}`}>
            {t('exports.delete')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card
      title={t('menu.system.exports')}
      data-testid="exports-page"
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void exports.refetch()} loading={exports.isFetching && !exports.isPending}>
          {t('common.refresh')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('exports.intro')}</Typography.Paragraph>
      <Table<ExportJob>
        data-testid="exports-table"
        rowKey="id"
        size="middle"
        loading={exports.isPending}
        dataSource={exports.data?.items ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('exports.empty') }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: exports.data ? Number(exports.data.total) : 0,
          hideOnSinglePage: true,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
    </Card>
  );
}
