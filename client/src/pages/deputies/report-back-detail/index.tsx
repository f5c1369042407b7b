// 述职详情: the plan, the report's text (drafted from the archive, edited, finalised), and the rating — a paper tally or
// the public QR ballot (window, voter codes, QR code for printing, live count) — then the result into the archive.
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert, App, Button, Card, Checkbox, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Statistic, Table, Tag, Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, call } from '@/api/client';
import { downloadQrCode, reportBacksKey, type ReportBack } from '@/api/reportBacks';
import { useSession } from '@/auth/me';
import ProblemResult from '@/components/ProblemResult';
import { formatDateTime } from '@/components/format';
import { useShowError } from '@/components/useShowError';

export default function ReportBackDetailPage() {
  const { id = '' } = useParams();
  const { access } = useSession();
  const key = [...reportBacksKey, id];
  const detail = useQuery({
    queryKey: key,
    queryFn: () => call(api.GET('/api/deputies/report-backs/{id}', { params: { path: { id } } })),
    // While the ballot is open, follow the count.
    refetchInterval: (q) => (q.state.data?.ballot?.state === 'Open' ? 5000 : false),
  });
  if (detail.isError && !detail.data) return <ProblemResult error={detail.error} onRetry={() => void detail.refetch()} />;
  const rb = detail.data;
  if (!rb) return <Card loading />;
  const canManage = access.canManageReportBacks && rb.status !== 'Rated';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PlanCard rb={rb} canManage={canManage} />
      <TextCard rb={rb} canManage={canManage && rb.status === 'Planned'} />
      <RatingCard rb={rb} canManage={canManage} />
    </Space>
  );
}

function useUpdate() {
  const queryClient = useQueryClient();
  return (rb: ReportBack) => {
    queryClient.setQueryData([...reportBacksKey, rb.id], rb);
    void queryClient.invalidateQueries({ queryKey: reportBacksKey, exact: false, predicate: (q) => q.queryKey[2] !== rb.id });
  };
}

function PlanCard({ rb, canManage }: { rb: ReportBack; canManage: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <Card
      title={`${rb.deputyName} · ${rb.year} · ${t('reportBacks.planCard')}`}
      extra={canManage ? <Button onClick={() => setEditing(true)}>{t('reportBacks.editPlan')}</Button> : null}
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
        <Descriptions.Item label={t('reportBacks.plannedOn')}>{rb.plannedOn}</Descriptions.Item>
        <Descriptions.Item label={t('reportBacks.place')}>{rb.place}</Descriptions.Item>
        <Descriptions.Item label={t('reportBacks.form')}>{t(`reportBacks.formName.${rb.form}`)}</Descriptions.Item>
        <Descriptions.Item label={t('reportBacks.organiser')}>{rb.organiser}</Descriptions.Item>
        <Descriptions.Item label={t('reportBacks.expected')}>{Number(rb.expectedRepresentatives)}</Descriptions.Item>
        <Descriptions.Item label={t('reportBacks.minBallots')}>{Number(rb.minBallots)}</Descriptions.Item>
        <Descriptions.Item label={t('reportBacks.satisfiedThreshold')}>{Number(rb.satisfiedThreshold)}</Descriptions.Item>
        <Descriptions.Item label={t('reportBacks.basicThreshold')}>{Number(rb.basicThreshold)}</Descriptions.Item>
        <Descriptions.Item label={t('reportBacks.status')}>
          <Tag>{t(`reportBacks.statusName.${rb.status}`)}</Tag>
        </Descriptions.Item>
      </Descriptions>
      {editing ? <PlanEditModal rb={rb} onClose={() => setEditing(false)} /> : null}
    </Card>
  );
}

interface PlanValues {
  plannedOn: Dayjs;
  place: string;
  form: 'Oral' | 'Written';
  expectedRepresentatives: number;
  minBallots: number;
  satisfiedThreshold: number;
  basicThreshold: number;
}

function PlanEditModal({ rb, onClose }: { rb: ReportBack; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const update = useUpdate();
  const [form] = Form.useForm<PlanValues>();
  const save = useMutation({
    mutationFn: (v: PlanValues) =>
      call(api.PUT('/api/deputies/report-backs/{id}', {
        params: { path: { id: rb.id } },
        body: { ...v, plannedOn: v.plannedOn.format('YYYY-MM-DD'), version: rb.version },
      })),
    onSuccess: (saved) => {
      update(saved);
      void message.success(t('reportBacks.saved'));
      onClose();
    },
    onError: (error) => showError(error, form),
  });
  return (
    <Modal open title={t('reportBacks.editPlan')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form<PlanValues>
        form={form}
        layout="vertical"
        initialValues={{
          plannedOn: dayjs(rb.plannedOn), place: rb.place, form: rb.form, expectedRepresentatives: Number(rb.expectedRepresentatives),
          minBallots: Number(rb.minBallots), satisfiedThreshold: Number(rb.satisfiedThreshold), basicThreshold: Number(rb.basicThreshold),
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="plannedOn" label={t('reportBacks.plannedOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="place" label={t('reportBacks.place')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="form" label={t('reportBacks.form')}>
          <Select options={(['Oral', 'Written'] as const).map((f) => ({ value: f, label: t(`reportBacks.formName.${f}`) }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="expectedRepresentatives" label={t('reportBacks.expected')}>
            <InputNumber min={0} max={10000} />
          </Form.Item>
          <Form.Item name="minBallots" label={t('reportBacks.minBallots')}>
            <InputNumber min={1} max={10000} />
          </Form.Item>
          <Form.Item name="satisfiedThreshold" label={t('reportBacks.satisfiedThreshold')}>
            <InputNumber min={1} max={100} />
          </Form.Item>
          <Form.Item name="basicThreshold" label={t('reportBacks.basicThreshold')}>
            <InputNumber min={0} max={100} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

function TextCard({ rb, canManage }: { rb: ReportBack; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const update = useUpdate();
  const [text, setText] = useState(rb.text);
  useEffect(() => setText(rb.text), [rb.text]);
  const path = { params: { path: { id: rb.id } } };
  const draft = useMutation({
    mutationFn: () => call(api.POST('/api/deputies/report-backs/{id}/draft', { ...path, body: { version: rb.version } })),
    onSuccess: (saved) => {
      update(saved);
      void message.success(t('reportBacks.drafted'));
    },
    onError: (error) => showError(error),
  });
  const save = useMutation({
    mutationFn: () => call(api.PUT('/api/deputies/report-backs/{id}/text', { ...path, body: { text, version: rb.version } })),
    onSuccess: (saved) => {
      update(saved);
      void message.success(t('reportBacks.saved'));
    },
    onError: (error) => showError(error),
  });
  const finalise = useMutation({
    mutationFn: async () => {
      const saved = text !== rb.text ? await call(api.PUT('/api/deputies/report-backs/{id}/text', { ...path, body: { text, version: rb.version } })) : rb;
      return call(api.POST('/api/deputies/report-backs/{id}/finalise', { ...path, body: { version: saved.version } }));
    },
    onSuccess: (saved) => {
      update(saved);
      void message.success(t('reportBacks.finalised'));
    },
    onError: (error) => showError(error),
  });
  return (
    <Card
      title={t('reportBacks.textCard')}
      extra={
        canManage ? (
          <Space wrap>
            {rb.text ? (
              <Popconfirm title={t('reportBacks.redraftConfirm')} onConfirm={() => draft.mutate()}>
                <Button loading={draft.isPending}>{t('reportBacks.draft')}</Button>
              </Popconfirm>
            ) : (
              <Button type="primary" loading={draft.isPending} onClick={() => draft.mutate()} data-testid="report-back-draft">
                {t('reportBacks.draft')}
              </Button>
            )}
          </Space>
        ) : null
      }
    >
      {canManage ? (
        <>
          <Input.TextArea
            aria-label={t('reportBacks.textCard')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoSize={{ minRows: 8, maxRows: 30 }}
            maxLength={20000}
            placeholder={t('reportBacks.textEmpty')}
          />
          <Space style={{ marginTop: 12 }} wrap>
            <Button onClick={() => save.mutate()} loading={save.isPending} disabled={text === rb.text}>
              {t('reportBacks.saveText')}
            </Button>
            <Popconfirm title={t('reportBacks.finaliseConfirm')} onConfirm={() => finalise.mutate()} disabled={!text.trim()}>
              <Button type="primary" loading={finalise.isPending} disabled={!text.trim()}>
                {t('reportBacks.finalise')}
              </Button>
            </Popconfirm>
          </Space>
        </>
      ) : rb.text ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{rb.text}</Typography.Paragraph>
      ) : (
        <Typography.Text type="secondary">{t('reportBacks.textEmpty')}</Typography.Text>
      )}
    </Card>
  );
}

function ResultView({ rb }: { rb: ReportBack }) {
  const { t } = useTranslation();
  const r = rb.result;
  return (
    <Space wrap size="large" data-testid="report-back-result">
      <Statistic title={t('reportBacks.satisfied')} value={Number(r.satisfied)} />
      <Statistic title={t('reportBacks.basicallySatisfied')} value={Number(r.basicallySatisfied)} />
      <Statistic title={t('reportBacks.dissatisfied')} value={Number(r.dissatisfied)} />
      <Statistic title={t('reportBacks.total')} value={Number(r.total)} />
      <Statistic title={t('reportBacks.rate')} value={Number(r.rate)} suffix="%" precision={1} />
      <Statistic title={t('reportBacks.quorum')} value={r.quorumMet ? t('reportBacks.quorumMet') : t('reportBacks.quorumNotMet')} />
      <Statistic title={t('reportBacks.verdict')} value={r.verdictText} />
    </Space>
  );
}

function RatingCard({ rb, canManage }: { rb: ReportBack; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const update = useUpdate();
  const record = useMutation({
    mutationFn: () => call(api.POST('/api/deputies/report-backs/{id}/result', { params: { path: { id: rb.id } } })),
    onSuccess: (saved) => {
      update(saved);
      void message.success(t('reportBacks.recorded'));
    },
    onError: (error) => showError(error),
  });
  return (
    <Card
      title={t('reportBacks.ratingCard')}
      extra={
        canManage && rb.ratingSource !== 'None' ? (
          <Popconfirm title={t('reportBacks.recordConfirm')} onConfirm={() => record.mutate()}>
            <Button type="primary" loading={record.isPending} data-testid="report-back-record">
              {t('reportBacks.recordResult')}
            </Button>
          </Popconfirm>
        ) : rb.status === 'Rated' ? (
          <Tag color={rb.result.passed ? 'success' : 'error'}>{rb.result.passed ? t('reportBacks.passed') : t('reportBacks.notPassed')}</Tag>
        ) : null
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text>
          {t('reportBacks.ratingSource')}:{t(`reportBacks.ratingSourceName.${rb.ratingSource}`)}
          {rb.ratedAtUtc ? ` · ${t('reportBacks.ratedAt')} ${formatDateTime(rb.ratedAtUtc)}` : ''}
        </Typography.Text>
        <ResultView rb={rb} />
        {canManage && rb.ratingSource !== 'QrBallot' ? <TallyForm rb={rb} /> : null}
        {rb.ratingSource !== 'PaperTally' ? <BallotSection rb={rb} canManage={canManage} /> : null}
      </Space>
    </Card>
  );
}

function TallyForm({ rb }: { rb: ReportBack }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const update = useUpdate();
  const [form] = Form.useForm<{ satisfied: number; basicallySatisfied: number; dissatisfied: number }>();
  const save = useMutation({
    mutationFn: (v: { satisfied: number; basicallySatisfied: number; dissatisfied: number }) =>
      call(api.PUT('/api/deputies/report-backs/{id}/tally', { params: { path: { id: rb.id } }, body: { ...v, version: rb.version } })),
    onSuccess: (saved) => {
      update(saved);
      void message.success(t('reportBacks.tallySaved'));
    },
    onError: (error) => showError(error, form),
  });
  return (
    <Card type="inner" size="small" title={t('reportBacks.tallyTitle')}>
      <Form
        form={form}
        layout="inline"
        initialValues={{ satisfied: Number(rb.result.satisfied), basicallySatisfied: Number(rb.result.basicallySatisfied), dissatisfied: Number(rb.result.dissatisfied) }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="satisfied" label={t('reportBacks.satisfied')}>
          <InputNumber min={0} max={100000} />
        </Form.Item>
        <Form.Item name="basicallySatisfied" label={t('reportBacks.basicallySatisfied')}>
          <InputNumber min={0} max={100000} />
        </Form.Item>
        <Form.Item name="dissatisfied" label={t('reportBacks.dissatisfied')}>
          <InputNumber min={0} max={100000} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={save.isPending}>
            {t('reportBacks.enterTally')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

function BallotSection({ rb, canManage }: { rb: ReportBack; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const update = useUpdate();
  const ballot = rb.ballot;
  const [form] = Form.useForm<{ window: [Dayjs, Dayjs]; requiresVoterCode: boolean }>();
  const open = useMutation({
    mutationFn: (v: { window: [Dayjs, Dayjs]; requiresVoterCode: boolean }) =>
      call(api.POST('/api/deputies/report-backs/{id}/ballot', {
        params: { path: { id: rb.id } },
        body: { opensAtUtc: v.window[0].toISOString(), closesAtUtc: v.window[1].toISOString(), requiresVoterCode: !!v.requiresVoterCode, version: rb.version },
      })),
    onSuccess: (saved) => {
      update(saved);
      void message.success(t('reportBacks.ballotOpened'));
    },
    onError: (error) => showError(error, form),
  });
  const close = useMutation({
    mutationFn: () => call(api.POST('/api/deputies/report-backs/{id}/ballot/close', { params: { path: { id: rb.id } }, body: { version: rb.version } })),
    onSuccess: (saved) => {
      update(saved);
      void message.success(t('reportBacks.ballotClosed'));
    },
    onError: (error) => showError(error),
  });
  const publicUrl = ballot ? `${window.location.origin}${ballot.publicPath}` : '';
  const download = (format: 'Png' | 'Svg') =>
    void downloadQrCode(rb.id, format, `${rb.deputyName}${rb.year}年度述职测评二维码`).catch((e: unknown) => showError(e));
  return (
    <Card type="inner" size="small" title={t('reportBacks.ballotTitle')}>
      <Typography.Paragraph type="secondary">{t('reportBacks.ballotIntro')}</Typography.Paragraph>
      {ballot ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Tag color={ballot.state === 'Open' ? 'processing' : ballot.state === 'Closed' ? 'default' : 'warning'} data-testid="ballot-state">
              {t(`reportBacks.ballotState.${ballot.state}`)}
            </Tag>
            <span>
              {t('reportBacks.opensAt')} {formatDateTime(ballot.opensAtUtc)} — {t('reportBacks.closesAt')} {formatDateTime(ballot.closesAtUtc)}
            </span>
            <Statistic title={t('reportBacks.votes')} value={Number(ballot.votes)} />
          </Space>
          <Typography.Text copyable={{ text: publicUrl }}>
            {t('reportBacks.publicLink')}:<a href={ballot.publicPath} target="_blank" rel="noreferrer">{publicUrl}</a>
          </Typography.Text>
          <Space wrap>
            <Button icon={<DownloadOutlined />} onClick={() => download('Png')}>
              {t('reportBacks.downloadPng')}
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => download('Svg')}>
              {t('reportBacks.downloadSvg')}
            </Button>
            {canManage && ballot.state !== 'Closed' ? (
              <Popconfirm title={t('reportBacks.closeConfirm')} onConfirm={() => close.mutate()}>
                <Button danger loading={close.isPending}>
                  {t('reportBacks.closeBallot')}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
          {canManage || ballot.requiresVoterCode ? <VoterCodes rb={rb} canManage={canManage} /> : null}
        </Space>
      ) : null}
      {canManage && ballot?.state !== 'Closed' ? (
        <Form
          form={form}
          layout="inline"
          style={{ marginTop: 12 }}
          initialValues={{
            window: ballot ? [dayjs(ballot.opensAtUtc), dayjs(ballot.closesAtUtc)] : [dayjs(), dayjs().add(2, 'hour')],
            requiresVoterCode: ballot?.requiresVoterCode ?? false,
          }}
          onFinish={(v) => open.mutate(v)}
        >
          <Form.Item name="window" label={`${t('reportBacks.opensAt')} / ${t('reportBacks.closesAt')}`} rules={[{ required: true }]}>
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="requiresVoterCode" valuePropName="checked">
            <Checkbox disabled={!!ballot && ballot.state !== 'NotOpen'}>{t('reportBacks.requiresCode')}</Checkbox>
          </Form.Item>
          <Form.Item>
            <Button type={ballot ? 'default' : 'primary'} htmlType="submit" loading={open.isPending} data-testid="ballot-open">
              {ballot ? t('reportBacks.rescheduleBallot') : t('reportBacks.openBallot')}
            </Button>
          </Form.Item>
        </Form>
      ) : null}
    </Card>
  );
}

function VoterCodes({ rb, canManage }: { rb: ReportBack; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [count, setCount] = useState(30);
  const key = [...reportBacksKey, rb.id, 'codes'];
  const codes = useQuery({
    queryKey: key,
    queryFn: () => call(api.GET('/api/deputies/report-backs/{id}/ballot/voter-codes', { params: { path: { id: rb.id } } })),
    enabled: canManage,
  });
  const issue = useMutation({
    mutationFn: () => call(api.POST('/api/deputies/report-backs/{id}/ballot/voter-codes', { params: { path: { id: rb.id } }, body: { count } })),
    onSuccess: (issued) => {
      void message.success(t('reportBacks.codesDone', { count: issued.length }));
      void queryClient.invalidateQueries({ queryKey: [...reportBacksKey, rb.id] });
    },
    onError: (error) => showError(error),
  });
  return (
    <Card type="inner" size="small" title={t('reportBacks.codesTitle')}>
      <Alert
        type="info"
        showIcon
        title={t('reportBacks.codesIssued', { issued: Number(rb.ballot?.voterCodesIssued ?? 0), used: Number(rb.ballot?.voterCodesUsed ?? 0) })}
      />
      {canManage ? (
        <>
          <Space style={{ margin: '12px 0' }} wrap>
            <InputNumber aria-label={t('reportBacks.codeCount')} min={1} max={500} value={count} onChange={(v) => v && setCount(v)} />
            <Button onClick={() => issue.mutate()} loading={issue.isPending}>
              {t('reportBacks.issueCodes')}
            </Button>
          </Space>
          <Table
            rowKey="code"
            size="small"
            dataSource={codes.data ?? []}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: t('reportBacks.codesTitle'), dataIndex: 'code', key: 'code', render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
              { title: t('reportBacks.status'), key: 'used', render: (_, c) => (c.used ? <Tag>{t('reportBacks.codeUsed')}</Tag> : <Tag color="green">{t('reportBacks.codeUnused')}</Tag>) },
            ]}
          />
        </>
      ) : null}
    </Card>
  );
}
