// 季度档案与提示函: per quarter, every deputy's report (points, rank, pushed or not, the .docx) and the reminder letters
// (温馨提示函) — drafts staff review, edit and send; the tenant's minimum quarterly points; a manual "generate" for a
// quarter that is over (the job does it on each quarter's first day).
import { DownloadOutlined, SendOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '@/api/client';
import { downloadLetter, downloadReport, lastQuarter, quarterlyKey, type QuarterlyReport, type ReminderLetter } from '@/api/reportBacks';
import { useSession } from '@/auth/me';
import ProblemResult from '@/components/ProblemResult';
import { formatDateTime } from '@/components/format';
import { useShowError } from '@/components/useShowError';

export default function QuarterlyReportsPage() {
  const { t } = useTranslation();
  const { access } = useSession();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [period, setPeriod] = useState(lastQuarter());
  const [editing, setEditing] = useState<ReminderLetter | null>(null);
  const reports = useQuery({
    queryKey: [...quarterlyKey, 'reports', period],
    queryFn: () => call(api.GET('/api/deputies/quarterly-reports', { params: { query: period } })),
  });
  const letters = useQuery({
    queryKey: [...quarterlyKey, 'letters', period],
    queryFn: () => call(api.GET('/api/deputies/reminder-letters', { params: { query: period } })),
  });
  const run = useMutation({
    mutationFn: () => call(api.POST('/api/deputies/quarterly-reports/runs', { body: period })),
    onSuccess: (r) => {
      void message.success(t('reportBacks.quarterly.runDone', { reports: Number(r.reportsCreated), letters: Number(r.lettersCreated) }));
      void queryClient.invalidateQueries({ queryKey: quarterlyKey });
    },
    onError: (error) => showError(error),
  });
  const send = useMutation({
    mutationFn: (letter: ReminderLetter) =>
      call(api.POST('/api/deputies/reminder-letters/{id}/send', { params: { path: { id: letter.id } }, body: { version: letter.version } })),
    onSuccess: (letter) => {
      void message.success(t('reportBacks.quarterly.sent', { name: letter.deputyName }));
      void queryClient.invalidateQueries({ queryKey: quarterlyKey });
    },
    onError: (error) => showError(error),
  });
  const failed = (e: unknown) => showError(e);

  if (reports.isError && !reports.data) return <ProblemResult error={reports.error} onRetry={() => void reports.refetch()} />;

  const thisYear = new Date().getFullYear();
  const reportColumns: TableColumnsType<QuarterlyReport> = [
    { title: t('reportBacks.quarterly.deputy'), dataIndex: 'deputyName', key: 'deputy' },
    { title: t('reportBacks.quarterly.points'), key: 'points', render: (_, r) => Number(r.totalPoints) },
    { title: t('reportBacks.quarterly.rank'), key: 'rank', render: (_, r) => `${Number(r.rank)} / ${Number(r.deputiesRanked)}` },
    { title: t('reportBacks.quarterly.records'), key: 'records', responsive: ['md'], render: (_, r) => Number(r.recordCount) },
    { title: t('reportBacks.quarterly.leaves'), key: 'leaves', responsive: ['md'], render: (_, r) => Number(r.leaveCount) },
    {
      title: t('reportBacks.quarterly.delivered'),
      key: 'delivered',
      render: (_, r) => (r.delivered ? <Tag color="success">{t('reportBacks.quarterly.delivered')}</Tag> : <Tag>{t('reportBacks.quarterly.notDelivered')}</Tag>),
    },
    { title: t('reportBacks.quarterly.generatedAt'), key: 'at', responsive: ['lg'], render: (_, r) => formatDateTime(r.generatedAtUtc) },
    {
      title: t('reportBacks.quarterly.download'),
      key: 'download',
      render: (_, r) => (
        <Button type="link" size="small" icon={<DownloadOutlined />} aria-label={`${t('reportBacks.quarterly.download')} ${r.deputyName}`}
          onClick={() => void downloadReport(r).catch(failed)}>
          {t('reportBacks.quarterly.download')}
        </Button>
      ),
    },
  ];
  const letterColumns: TableColumnsType<ReminderLetter> = [
    { title: t('reportBacks.quarterly.deputy'), dataIndex: 'deputyName', key: 'deputy' },
    { title: t('reportBacks.quarterly.points'), key: 'points', render: (_, l) => `${Number(l.points)} / ${Number(l.threshold)}` },
    {
      title: t('reportBacks.status'),
      key: 'status',
      render: (_, l) => (
        <Space orientation="vertical" size={0}>
          <Tag color={l.status === 'Sent' ? 'success' : 'warning'} data-testid={`letter-status-${l.id}`}>{t(`reportBacks.quarterly.letterStatus.${l.status}`)}</Tag>
          {l.sentAtUtc ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('reportBacks.quarterly.sentBy', { name: l.sentByName ?? '', at: formatDateTime(l.sentAtUtc) })}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: '',
      key: 'actions',
      render: (_, l) => (
        <Space wrap size={0}>
          <Button type="link" size="small" icon={<DownloadOutlined />} aria-label={`${t('reportBacks.quarterly.download')} ${l.deputyName}`}
            onClick={() => void downloadLetter(l).catch(failed)}>
            {t('reportBacks.quarterly.download')}
          </Button>
          {access.canManageQuarterlyReports && l.status === 'Draft' ? (
            <>
              <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(l)} data-testid={`letter-edit-${l.id}`}>
                {t('reportBacks.quarterly.edit')}
              </Button>
              <Popconfirm title={t('reportBacks.quarterly.sendConfirm')} onConfirm={() => send.mutate(l)}>
                <Button type="link" size="small" icon={<SendOutlined />} data-testid={`letter-send-${l.id}`}>
                  {t('reportBacks.quarterly.send')}
                </Button>
              </Popconfirm>
            </>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('menu.deputies.quarterly-reports')}
        extra={
          <Space wrap>
            <Select
              aria-label={t('reportBacks.quarterly.quarter')}
              value={`${period.year}-${period.quarter}`}
              style={{ minWidth: 170 }}
              onChange={(v: string) => {
                const [year, quarter] = v.split('-').map(Number);
                setPeriod({ year, quarter });
              }}
              options={[thisYear, thisYear - 1].flatMap((year) =>
                [4, 3, 2, 1].map((quarter) => ({ value: `${year}-${quarter}`, label: t('reportBacks.quarterly.quarterName', { year, quarter }) })),
              )}
            />
            {access.canManageQuarterlyReports ? (
              <Button type="primary" loading={run.isPending} onClick={() => run.mutate()} data-testid="quarterly-run">
                {t('reportBacks.quarterly.run')}
              </Button>
            ) : null}
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t('reportBacks.quarterly.intro')}</Typography.Paragraph>
        <MinimumSetting canEdit={access.canUpdateQuarterlySettings} />
      </Card>
      <Card title={t('reportBacks.quarterly.letters')}>
        <Table rowKey="id" size="middle" loading={letters.isFetching} columns={letterColumns} dataSource={letters.data ?? []} pagination={false}
          locale={{ emptyText: t('reportBacks.quarterly.emptyLetters') }} scroll={{ x: true }} data-testid="letters-table" />
      </Card>
      <Card title={t('reportBacks.quarterly.reports')}>
        <Table rowKey="id" size="middle" loading={reports.isFetching} columns={reportColumns} dataSource={reports.data ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }} locale={{ emptyText: t('reportBacks.quarterly.emptyReports') }} scroll={{ x: true }} />
      </Card>
      {editing ? <LetterEditor letter={editing} onClose={() => setEditing(null)} /> : null}
    </Space>
  );
}

function MinimumSetting({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const key = [...quarterlyKey, 'settings'];
  const settings = useQuery({ queryKey: key, queryFn: () => call(api.GET('/api/deputies/quarterly-settings')) });
  const [value, setValue] = useState<number | null>(null);
  const save = useMutation({
    mutationFn: () =>
      call(api.PUT('/api/deputies/quarterly-settings', { body: { minimumQuarterlyPoints: value ?? 0, version: settings.data?.version ?? null } })),
    onSuccess: (saved) => {
      queryClient.setQueryData(key, saved);
      setValue(null);
      void message.success(t('reportBacks.quarterly.minimumSaved'));
    },
    onError: (error) => showError(error),
  });
  const current = settings.data ? Number(settings.data.minimumQuarterlyPoints) : undefined;
  return (
    <Space wrap>
      <span>{t('reportBacks.quarterly.minimum')}:</span>
      {canEdit ? (
        <>
          <InputNumber aria-label={t('reportBacks.quarterly.minimum')} min={0} max={1000} value={value ?? current} onChange={(v) => setValue(v)} />
          <Button onClick={() => save.mutate()} disabled={value == null || value === current} loading={save.isPending}>
            {t('reportBacks.save')}
          </Button>
        </>
      ) : (
        <strong>{current}</strong>
      )}
      <Typography.Text type="secondary">{t('reportBacks.quarterly.minimumHint')}</Typography.Text>
    </Space>
  );
}

function LetterEditor({ letter, onClose }: { letter: ReminderLetter; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ body: string }>();
  const save = useMutation({
    mutationFn: (v: { body: string }) =>
      call(api.PUT('/api/deputies/reminder-letters/{id}', { params: { path: { id: letter.id } }, body: { body: v.body, version: letter.version } })),
    onSuccess: () => {
      void message.success(t('reportBacks.saved'));
      void queryClient.invalidateQueries({ queryKey: quarterlyKey });
      onClose();
    },
    onError: (error) => showError(error, form),
  });
  return (
    <Modal open width={720} title={t('reportBacks.quarterly.editTitle', { name: letter.deputyName })} onCancel={onClose} onOk={() => form.submit()}
      okText={t('reportBacks.save')} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ body: letter.body }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="body" label={t('reportBacks.quarterly.body')} rules={[{ required: true, max: 10000 }]}>
          <Input.TextArea autoSize={{ minRows: 10, maxRows: 24 }} data-testid="letter-body" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
