// 代表述职: the year's report-backs of the active tenant; staff plan a new one (deputy, date, place, form, quorum, thresholds).
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, InputNumber, Input, Modal, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, call } from '@/api/client';
import { listReportBacks, reportBacksKey, type ReportBackSummary } from '@/api/reportBacks';
import { useSession } from '@/auth/me';
import ProblemResult from '@/components/ProblemResult';
import { useShowError } from '@/components/useShowError';

const STATUS_COLOR: Record<ReportBackSummary['status'], string> = { Planned: 'default', Finalised: 'processing', Rated: 'success' };

interface PlanForm {
  deputyId: string;
  plannedOn: Dayjs;
  place: string;
  form: 'Oral' | 'Written';
  expectedRepresentatives: number;
  minBallots: number;
  satisfiedThreshold: number;
  basicThreshold: number;
}

export default function ReportBacksPage() {
  const { t } = useTranslation();
  const { access } = useSession();
  const [year, setYear] = useState(new Date().getFullYear());
  const [planning, setPlanning] = useState(false);
  const list = useQuery({ queryKey: [...reportBacksKey, { year }], queryFn: () => listReportBacks({ year }), placeholderData: keepPreviousData });

  if (list.isError && !list.data) return <ProblemResult error={list.error} onRetry={() => void list.refetch()} />;

  const columns: TableColumnsType<ReportBackSummary> = [
    {
      title: t('reportBacks.deputy'),
      key: 'deputy',
      render: (_, r) => (
        <Space size={4} wrap>
          <Link to={`/deputies/report-backs/${r.id}`}>{r.deputyName}</Link>
          {r.reportsToCommittee ? <Tag color="purple">{t('reportBacks.toCommittee')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('reportBacks.plannedOn'), dataIndex: 'plannedOn', key: 'plannedOn' },
    { title: t('reportBacks.place'), dataIndex: 'place', key: 'place', responsive: ['md'] },
    { title: t('reportBacks.form'), key: 'form', responsive: ['md'], render: (_, r) => t(`reportBacks.formName.${r.form}`) },
    {
      title: t('reportBacks.status'),
      key: 'status',
      render: (_, r) => (
        <Space size={4} wrap>
          <Tag color={STATUS_COLOR[r.status]}>{t(`reportBacks.statusName.${r.status}`)}</Tag>
          {r.passed == null ? null : <Tag color={r.passed ? 'success' : 'error'}>{r.passed ? t('reportBacks.passed') : t('reportBacks.notPassed')}</Tag>}
        </Space>
      ),
    },
    { title: t('reportBacks.ratingSource'), key: 'source', responsive: ['lg'], render: (_, r) => t(`reportBacks.ratingSourceName.${r.ratingSource}`) },
  ];

  return (
    <Card
      title={t('menu.deputies.report-backs')}
      extra={
        <Space wrap>
          <InputNumber aria-label={t('reportBacks.year')} value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} addonBefore={t('reportBacks.year')} />
          {access.canManageReportBacks ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setPlanning(true)} data-testid="report-back-plan">
              {t('reportBacks.plan')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('reportBacks.listIntro')}</Typography.Paragraph>
      <Table
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: t('reportBacks.empty') }}
        scroll={{ x: true }}
      />
      {planning ? <PlanModal year={year} onClose={() => setPlanning(false)} /> : null}
    </Card>
  );
}

function PlanModal({ year, onClose }: { year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PlanForm>();
  const candidates = useQuery({
    queryKey: [...reportBacksKey, 'candidates'],
    queryFn: () => call(api.GET('/api/deputies/report-backs/candidates')),
  });
  const plan = useMutation({
    mutationFn: (v: PlanForm) =>
      call(api.POST('/api/deputies/report-backs', { body: { ...v, year, plannedOn: v.plannedOn.format('YYYY-MM-DD') } })),
    onSuccess: (created) => {
      void message.success(t('reportBacks.planned', { name: created.deputyName }));
      void queryClient.invalidateQueries({ queryKey: reportBacksKey });
      onClose();
      void navigate(`/deputies/report-backs/${created.id}`);
    },
    onError: (error) => showError(error, form),
  });
  return (
    <Modal open title={t('reportBacks.planTitle')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={plan.isPending} destroyOnHidden>
      <Form<PlanForm>
        form={form}
        layout="vertical"
        initialValues={{ form: 'Oral', expectedRepresentatives: 30, minBallots: 10, satisfiedThreshold: 80, basicThreshold: 60, plannedOn: dayjs(`${year}-12-15`) }}
        onFinish={(v) => plan.mutate(v)}
      >
        <Form.Item name="deputyId" label={t('reportBacks.deputy')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={candidates.isLoading}
            options={(candidates.data ?? []).map((c) => ({ value: c.deputyId, label: c.reportsToCommittee ? `${c.name}(${t('reportBacks.toCommittee')})` : c.name }))}
          />
        </Form.Item>
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
