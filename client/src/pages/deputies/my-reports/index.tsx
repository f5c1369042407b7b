// 我的季度报告与述职: the signed-in deputy's quarterly reports and the reminder letters sent to them, with their documents.
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '@/api/client';
import { useSession } from '@/auth/me';
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
      <MyReportBacks />
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

type MyReportBack = Schemas['MyReportBackDto'];
const myReportBacksKey = ['deputies', 'my-report-backs'];

/** The deputy's own report-backs: the text is editable until the office finalises it. */
function MyReportBacks() {
  const { t } = useTranslation();
  const { access } = useSession();
  const list = useQuery({
    queryKey: myReportBacksKey,
    queryFn: () => call(api.GET('/api/deputies/my-report-backs')),
    enabled: access.canEditMyReportBacks,
  });
  if (!access.canEditMyReportBacks || !list.data?.length) return null;
  return (
    <Card title={t('reportBacks.mine.reportBacks')}>
      <Typography.Paragraph type="secondary">{t('reportBacks.mine.reportBackHint')}</Typography.Paragraph>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {list.data.map((r) => (
          <MyReportBackEditor key={r.id} reportBack={r} />
        ))}
      </Space>
    </Card>
  );
}

function MyReportBackEditor({ reportBack }: { reportBack: MyReportBack }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [text, setText] = useState(reportBack.text);
  useEffect(() => setText(reportBack.text), [reportBack.text]);
  const save = useMutation({
    mutationFn: () =>
      call(api.PUT('/api/deputies/my-report-backs/{id}/text', { params: { path: { id: reportBack.id } }, body: { text, version: reportBack.version } })),
    onSuccess: () => {
      void message.success(t('reportBacks.mine.reportBackSaved'));
      void queryClient.invalidateQueries({ queryKey: myReportBacksKey });
    },
    onError: (error) => showError(error),
  });
  const editable = reportBack.status === 'Planned';
  return (
    <div>
      <Space wrap style={{ marginBottom: 8 }}>
        <strong>{t('reportBacks.tabPlanned', { year: Number(reportBack.year), status: t(`reportBacks.statusName.${reportBack.status}`) })}</strong>
        <Typography.Text type="secondary">
          {reportBack.plannedOn} · {reportBack.place} · {reportBack.organiser}
        </Typography.Text>
        {reportBack.passed == null ? null : <Tag color={reportBack.passed ? 'success' : 'error'}>{reportBack.passed ? t('reportBacks.passed') : t('reportBacks.notPassed')}</Tag>}
      </Space>
      {editable ? (
        <>
          <Input.TextArea aria-label={t('reportBacks.textCard')} value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 6, maxRows: 24 }} maxLength={20000} />
          <Button style={{ marginTop: 8 }} onClick={() => save.mutate()} loading={save.isPending} disabled={text === reportBack.text}>
            {t('reportBacks.saveText')}
          </Button>
        </>
      ) : (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{reportBack.text}</Typography.Paragraph>
      )}
    </div>
  );
}
