// 履职档案 tab of the deputy profile: the timeline (newest first, a page at a time, one kind or all), and for the
// office: record an act of duty, record a deed (为民办实事 / 一对一帮扶), correct a record (reason required; the original stays).
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Pagination, Radio, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '@/api/client';
import { useSession } from '@/auth/me';
import { useShowError } from '@/components/useShowError';
import { beijingToday, DutyTimeline, useKindOptions, type DutyKind, type DutyRecord } from '../shared';

type Attendance = Schemas['DutyAttendance'];
type DeedType = Schemas['DeedType'];

const notFuture = (d: Dayjs) => d.format('YYYY-MM-DD') > beijingToday();

export const archiveKey = (deputyId: string) => ['deputies', 'duty-records', deputyId] as const;

function useInvalidateArchive(deputyId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: archiveKey(deputyId) });
    void queryClient.invalidateQueries({ queryKey: ['deputies', 'rankings'] });
    void queryClient.invalidateQueries({ queryKey: ['deputies', 'duty-list', deputyId] });
  };
}

interface RecordValues {
  kind: DutyKind;
  title: string;
  occurredOn: Dayjs;
  attendance: Attendance;
  leaveReason?: string;
  evidence?: string;
}

function RecordModal({ deputyId, onClose }: { deputyId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const invalidate = useInvalidateArchive(deputyId);
  const kindOptions = useKindOptions();
  const [form] = Form.useForm<RecordValues>();
  const attendance = Form.useWatch('attendance', form);
  const save = useMutation({
    mutationFn: (v: RecordValues) =>
      call(
        api.POST('/api/deputies/deputies/{id}/duty-records', {
          params: { path: { id: deputyId } },
          body: {
            kind: v.kind,
            title: v.title.trim(),
            occurredOn: v.occurredOn.format('YYYY-MM-DD'),
            attendance: v.attendance,
            leaveReason: v.attendance === 'Leave' ? (v.leaveReason ?? null) : null,
            evidence: v.evidence?.trim() || null,
          },
        }),
      ),
    onSuccess: () => {
      void message.success(t('deputies.archive.saved'));
      invalidate();
      onClose();
    },
    onError: (error) => showError(error, form),
  });
  return (
    <Modal open title={t('deputies.archive.recordTitle')} onCancel={onClose} footer={null} destroyOnHidden mask={{ closable: false }}>
      <Form<RecordValues>
        form={form}
        layout="vertical"
        data-testid="record-form"
        initialValues={{ attendance: 'Attended', occurredOn: dayjs(beijingToday()) }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="kind" label={t('deputies.archive.kind')} rules={[{ required: true, message: t('deputies.archive.required') }]}>
          <Select options={kindOptions} />
        </Form.Item>
        <Form.Item name="title" label={t('deputies.archive.titleField')} rules={[{ required: true, whitespace: true, message: t('deputies.archive.required') }, { max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="occurredOn" label={t('deputies.archive.date')} rules={[{ required: true, message: t('deputies.archive.required') }]}>
          <DatePicker disabledDate={notFuture} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="attendance" label={t('deputies.archive.attendance')}>
          <Radio.Group
            options={(['Attended', 'Leave', 'Absent'] as Attendance[]).map((a) => ({ value: a, label: t(`deputies.attendance.${a}`) }))}
          />
        </Form.Item>
        {attendance === 'Leave' ? (
          <Form.Item name="leaveReason" label={t('deputies.archive.leaveReason')} rules={[{ required: true, whitespace: true, message: t('deputies.archive.required') }, { max: 500 }]}>
            <Input maxLength={500} />
          </Form.Item>
        ) : null}
        <Form.Item name="evidence" label={t('deputies.archive.evidence')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="record-save">
            {t('common.save')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}

interface DeedValues {
  type: DeedType;
  title: string;
  occurredOn: Dayjs;
  beneficiaries: string;
  beneficiaryCount?: number;
  amount?: number;
  evidence?: string;
}

function DeedModal({ deputyId, onClose }: { deputyId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const invalidate = useInvalidateArchive(deputyId);
  const [form] = Form.useForm<DeedValues>();
  const save = useMutation({
    mutationFn: (v: DeedValues) =>
      call(
        api.POST('/api/deputies/deputies/{id}/deeds', {
          params: { path: { id: deputyId } },
          body: {
            type: v.type,
            title: v.title.trim(),
            occurredOn: v.occurredOn.format('YYYY-MM-DD'),
            beneficiaries: v.beneficiaries.trim(),
            beneficiaryCount: v.beneficiaryCount ?? null,
            amount: v.amount ?? null,
            evidence: v.evidence?.trim() || null,
          },
        }),
      ),
    onSuccess: () => {
      void message.success(t('deputies.archive.saved'));
      invalidate();
      onClose();
    },
    onError: (error) => showError(error, form),
  });
  return (
    <Modal open title={t('deputies.archive.deedTitle')} onCancel={onClose} footer={null} destroyOnHidden mask={{ closable: false }}>
      <Form<DeedValues>
        form={form}
        layout="vertical"
        data-testid="deed-form"
        initialValues={{ type: 'ForPeople', occurredOn: dayjs(beijingToday()) }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="type" label={t('deputies.archive.deedType')}>
          <Radio.Group options={(['ForPeople', 'OneToOneHelp'] as DeedType[]).map((d) => ({ value: d, label: t(`deputies.deedType.${d}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('deputies.archive.titleField')} rules={[{ required: true, whitespace: true, message: t('deputies.archive.required') }, { max: 180 }]}>
          <Input maxLength={180} />
        </Form.Item>
        <Form.Item name="occurredOn" label={t('deputies.archive.date')} rules={[{ required: true, message: t('deputies.archive.required') }]}>
          <DatePicker disabledDate={notFuture} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="beneficiaries" label={t('deputies.archive.beneficiaries')} rules={[{ required: true, whitespace: true, message: t('deputies.archive.required') }, { max: 500 }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="beneficiaryCount" label={t('deputies.archive.beneficiaryCount')}>
            <InputNumber min={1} max={1_000_000} precision={0} />
          </Form.Item>
          <Form.Item name="amount" label={t('deputies.archive.amount')}>
            <InputNumber min={0} max={100_000_000} precision={2} />
          </Form.Item>
        </Space>
        <Form.Item name="evidence" label={t('deputies.archive.evidence')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="deed-save">
            {t('common.save')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}

interface CorrectionValues {
  reason: string;
  withdraw: boolean;
  kind?: DutyKind;
  title?: string;
  occurredOn?: Dayjs;
  attendance?: Attendance;
  leaveReason?: string;
}

function CorrectionModal({ record, onClose }: { record: DutyRecord; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const invalidate = useInvalidateArchive(record.deputyId);
  const kindOptions = useKindOptions();
  const [form] = Form.useForm<CorrectionValues>();
  const withdraw = Form.useWatch('withdraw', form);
  const attendance = Form.useWatch('attendance', form);
  const save = useMutation({
    mutationFn: (v: CorrectionValues) =>
      call(
        api.POST('/api/deputies/duty-records/{id}/corrections', {
          params: { path: { id: record.id } },
          body: {
            reason: v.reason.trim(),
            withdraw: v.withdraw,
            kind: v.withdraw ? null : (v.kind ?? null),
            title: v.withdraw ? null : v.title?.trim() || null,
            occurredOn: v.withdraw || !v.occurredOn ? null : v.occurredOn.format('YYYY-MM-DD'),
            attendance: v.withdraw ? null : (v.attendance ?? null),
            leaveReason: v.attendance === 'Leave' ? (v.leaveReason ?? null) : null,
            evidence: null,
            beneficiaries: null,
            beneficiaryCount: null,
            amount: null,
          },
        }),
      ),
    onSuccess: () => {
      void message.success(t('deputies.archive.correctedOk'));
      invalidate();
      onClose();
    },
    onError: (error) => showError(error, form),
  });
  return (
    <Modal open title={t('deputies.archive.correctTitle')} onCancel={onClose} footer={null} destroyOnHidden mask={{ closable: false }}>
      <Typography.Paragraph type="secondary">{t('deputies.archive.correctHint')}</Typography.Paragraph>
      <Typography.Paragraph>
        {record.occurredOn} · {t(`deputies.dutyKind.${record.kind}`)} · {record.title}
      </Typography.Paragraph>
      <Form<CorrectionValues>
        form={form}
        layout="vertical"
        data-testid="correction-form"
        initialValues={{ withdraw: false, kind: record.kind, title: record.title, occurredOn: dayjs(record.occurredOn), attendance: record.attendance }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="reason" label={t('deputies.archive.reason')} rules={[{ required: true, whitespace: true, message: t('deputies.archive.reasonRequired') }, { max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="withdraw" valuePropName="checked">
          <Checkbox>{t('deputies.archive.withdraw')}</Checkbox>
        </Form.Item>
        {!withdraw ? (
          <>
            <Form.Item name="kind" label={t('deputies.archive.kind')}>
              <Select options={kindOptions} />
            </Form.Item>
            <Form.Item name="title" label={t('deputies.archive.titleField')} rules={[{ max: 200 }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="occurredOn" label={t('deputies.archive.date')}>
              <DatePicker disabledDate={notFuture} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="attendance" label={t('deputies.archive.attendance')}>
              <Radio.Group
                options={(['Attended', 'Leave', 'Absent'] as Attendance[]).map((a) => ({ value: a, label: t(`deputies.attendance.${a}`) }))}
              />
            </Form.Item>
            {attendance === 'Leave' ? (
              <Form.Item name="leaveReason" label={t('deputies.archive.leaveReason')} rules={[{ required: true, whitespace: true, message: t('deputies.archive.required') }]}>
                <Input maxLength={500} />
              </Form.Item>
            ) : null}
          </>
        ) : null}
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="correction-save">
            {t('common.save')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}

export default function ArchiveTab({ deputyId }: { deputyId: string }) {
  const { t } = useTranslation();
  const { access } = useSession();
  const kindOptions = useKindOptions();
  const [kind, setKind] = useState<DutyKind>();
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<'record' | 'deed' | { correct: DutyRecord }>();
  const pageSize = 20;
  const records = useQuery({
    queryKey: [...archiveKey(deputyId), { kind, page }],
    queryFn: () =>
      call(api.GET('/api/deputies/deputies/{id}/duty-records', { params: { path: { id: deputyId }, query: { kind, page, pageSize } } })),
    placeholderData: keepPreviousData,
  });
  return (
    <div data-testid="archive-tab">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          aria-label={t('deputies.archive.kind')}
          placeholder={t('deputies.archive.allKinds')}
          value={kind}
          onChange={(k) => {
            setKind(k);
            setPage(1);
          }}
          options={kindOptions}
          style={{ minWidth: 140 }}
        />
        {access.canCreateDutyRecords ? (
          <>
            <Button icon={<PlusOutlined />} onClick={() => setDialog('record')} data-testid="add-record">
              {t('deputies.archive.addRecord')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('deed')} data-testid="add-deed">
              {t('deputies.archive.addDeed')}
            </Button>
          </>
        ) : null}
      </Space>
      <DutyTimeline
        records={records.data?.items ?? []}
        loading={records.isPending}
        actions={
          access.canCorrectDutyRecords
            ? (r) =>
                r.correctedBy ? null : (
                  <Button size="small" type="link" onClick={() => setDialog({ correct: r })} data-testid="correct-record">
                    {t('deputies.archive.correct')}
                  </Button>
                )
            : undefined
        }
      />
      {records.data && Number(records.data.total) > pageSize ? (
        <Pagination current={page} pageSize={pageSize} total={Number(records.data.total)} onChange={setPage} showSizeChanger={false} size="small" />
      ) : null}
      {dialog === 'record' ? <RecordModal deputyId={deputyId} onClose={() => setDialog(undefined)} /> : null}
      {dialog === 'deed' ? <DeedModal deputyId={deputyId} onClose={() => setDialog(undefined)} /> : null}
      {typeof dialog === 'object' ? <CorrectionModal record={dialog.correct} onClose={() => setDialog(undefined)} /> : null}
    </div>
  );
}
