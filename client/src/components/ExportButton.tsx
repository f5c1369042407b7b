// 导出: exports the list as it is filtered on screen, as Excel (.xlsx) or CSV. A small list downloads at once; a large
// one is written in the background and waits in 我的导出 (/system/exports).
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { downloadExport, exportsKey, startExport, type ExportFormat } from '@/api/exports';
import { useShowError } from './useShowError';

export interface ExportButtonProps {
  /** The list's export source, e.g. `identity.users`. */
  source: string;
  /** The list's current filter, as its API takes it. */
  filter: Record<string, unknown>;
}

export default function ExportButton({ source, filter }: ExportButtonProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const run = useMutation({
    mutationFn: (format: ExportFormat) => startExport(source, format, filter),
    onSuccess: async (job) => {
      void queryClient.invalidateQueries({ queryKey: exportsKey });
      if (job.status === 'Completed') {
        await downloadExport(job);
        void message.success(t('exports.downloaded', { name: job.fileName }));
      } else if (job.status === 'Failed') {
        void message.error(t('exports.failedWith', { error: job.error }));
      } else {
        void message.info({
          content: (
            <span data-testid="export-queued">
              {t('exports.queued', { count: Number(job.totalRows) })}{' '}
              {/* The message lives outside the router's tree: navigate from here. */}
              <a
                href="/system/exports"
                onClick={(event) => {
                  event.preventDefault();
                  void navigate('/system/exports');
                }}
              >
                {t('exports.open')}
              </a>
            </span>
          ),
          duration: 8,
        });
      }
    },
    onError: (error) => showError(error),
  });
  const items: MenuProps['items'] = [
    { key: 'Xlsx', label: t('exports.asXlsx') },
    { key: 'Csv', label: t('exports.asCsv') },
  ];
  return (
    <Dropdown menu={{ items, onClick: ({ key }) => run.mutate(key as ExportFormat) }} trigger={['click']}>
      <Button icon={<DownloadOutlined />} loading={run.isPending} data-testid="export-button">
        {t('exports.export')}
      </Button>
    </Dropdown>
  );
}
