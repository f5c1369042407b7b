// 我的履职档案: the signed-in deputy's quarterly reports and the reminder letters sent to them, with their documents.
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '@/api/client';
import { saveBlob } from '@/components/saveBlob';
import ProblemResult from '@/components/ProblemResult';
import { useShowError } from '@/components/useShowError';
import { formatDateTime } from '@/components/format';

export default function MyReportsPage() {
  const { t } = useTranslation();
  const showError = useShowError();
  const mine = useQuery({ queryKey: ['deputies', 'my-reports'], queryFn: () => call(api.GET('/api/deputies/my-reports')) });
  if (mine.isError && !mine.data) return <ProblemResult error={mine.error} onRetry={() => void mine.refetch()} />;
  const quarter = (year: number | string, q: number | string) => t('reportBacks.quarterly.quarterName', { year: Number(year), quarter: Number(q) });
  const download = async (kind: 'report' | 'letter', id: string, name: string) => {
    try {
      const blob =
        kind === 'report'
          ? await call(api.GET('/api/deputies/my-reports/quarterly-reports/{id}/document', { params: { path: { id } }, parseAs: 'blob' }))
          : await call(api.GET('/api/deputies/my-reports/reminder-letters/{id}/document', { params: { path: { id } }, parseAs: 'blob' }));
      saveBlob(blob as Blob, name);
    } catch (error) {
      showError(error);
    }
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('reportBacks.mine.intro')}</Typography.Paragraph>
      <Card title={t('reportBacks.mine.reports')} loading={mine.isLoading}>
        <List
          dataSource={mine.data?.reports ?? []}
          locale={{ emptyText: t('reportBacks.mine.empty') }}
          renderItem={(r) => (
            <List.Item
              actions={[
                <Button key="d" type="link" icon={<DownloadOutlined />} onClick={() => void download('report', r.id, `${r.deputyName}${r.year}年第${r.quarter}季度履职档案.docx`)}>
                  {t('reportBacks.quarterly.download')}
                </Button>,
              ]}
            >
              <List.Item.Meta title={quarter(r.year, r.quarter)} description={r.summary} />
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('reportBacks.mine.letters')} loading={mine.isLoading}>
        <List
          dataSource={mine.data?.letters ?? []}
          locale={{ emptyText: t('reportBacks.mine.empty') }}
          renderItem={(l) => (
            <List.Item
              actions={[
                <Button key="d" type="link" icon={<DownloadOutlined />} onClick={() => void download('letter', l.id, `温馨提示函-${l.deputyName}-${l.year}年第${l.quarter}季度.docx`)}>
                  {t('reportBacks.quarterly.download')}
                </Button>,
              ]}
            >
              <List.Item.Meta title={quarter(l.year, l.quarter)} description={l.sentAtUtc ? formatDateTime(l.sentAtUtc) : ''} />
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
