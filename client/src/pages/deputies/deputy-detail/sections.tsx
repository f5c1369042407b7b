// The profile's own tabs: basic information (edit, the audited reveal, the photo), seats (add, end), publishing consent
// (current state and history) and the invitation (account and memberships).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '@/api/client';
import { useSession } from '@/auth/me';
import Attachments from '@/components/Attachments';
import { formatDateTime } from '@/components/format';
import { useShowError } from '@/components/useShowError';
import { useDialogItem } from '@/components/useDialogItem';
import { TemporaryPasswordModal } from '@/pages/identity/users/shared';
import { CONSENT_ITEMS, deputiesKey, termName, type ConsentItem, type Deputy, type Seat, type SeatStatus } from '../deputies/registry';
import { PersonFields, personBody, SeatFields, seatBody, type PersonValues, type SeatValues } from '../deputies/shared';

function useRefresh(id: string) {
  const queryClient = useQueryClient();
  return (deputy?: Deputy) => {
    if (deputy) queryClient.setQueryData([...deputiesKey, id], deputy);
    void queryClient.invalidateQueries({ queryKey: deputiesKey });
  };
}

export function BasicTab({ deputy }: { deputy: Deputy }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { access } = useSession();
  const showError = useShowError();
  const refresh = useRefresh(deputy.id);
  const [editing, setEditing] = useState(false);
  const [revealing, setRevealing] = useState(false);
  const [form] = Form.useForm<PersonValues>();
  const [revealForm] = Form.useForm<{ reason: string }>();
  const [contact, setContact] = useState<{ mobile: string; email?: string | null }>();
  const notSet = <Typography.Text type="secondary">{t('registry.notSet')}</Typography.Text>;

  const save = useMutation({
    mutationFn: (values: PersonValues) =>
      call(api.PUT('/api/deputies/deputies/{id}', { params: { path: { id: deputy.id } }, body: { ...personBody(values), version: deputy.version } })),
    onSuccess: (saved) => {
      refresh(saved);
      setContact(undefined);
      void message.success(t('registry.detail.saved'));
      setEditing(false);
    },
    onError: (error) => showError(error, form),
  });
  const reveal = useMutation({
    mutationFn: (reason: string) => call(api.POST('/api/deputies/deputies/{id}/contact', { params: { path: { id: deputy.id } }, body: { reason } })),
    onSuccess: (c) => {
      setContact(c);
      setRevealing(false);
      revealForm.resetFields();
    },
    onError: (error) => showError(error, revealForm),
  });
  const photos = useQuery({
    queryKey: ['attachments', 'deputies', deputy.id],
    queryFn: () => call(api.GET('/api/platform/attachments/{ownerType}/{ownerId}', { params: { path: { ownerType: 'deputies', ownerId: deputy.id } } })),
  });
  const setPhoto = useMutation({
    mutationFn: (attachmentId: string | null) =>
      call(api.PUT('/api/deputies/deputies/{id}/photo', { params: { path: { id: deputy.id } }, body: { attachmentId } })),
    onSuccess: (saved) => refresh(saved),
    onError: (error) => showError(error),
  });
  const images = (photos.data ?? []).filter((a) => a.contentType.startsWith('image/'));

  const startEdit = () => {
    // The mobile is entered again in full: the profile only has it masked.
    form.setFieldsValue({
      name: deputy.name,
      gender: deputy.gender,
      ethnicity: deputy.ethnicity,
      birthYear: deputy.birthYear == null ? null : Number(deputy.birthYear),
      party: deputy.party,
      education: deputy.education ?? undefined,
      occupation: deputy.occupation ?? undefined,
      workUnit: deputy.workUnit ?? undefined,
      mobile: contact?.mobile ?? '',
      email: contact?.email ?? undefined,
    });
    setEditing(true);
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {access.canUpdateDeputies ? (
          <Button onClick={startEdit} data-testid="deputy-edit">
            {t('registry.detail.edit')}
          </Button>
        ) : null}
        {access.canRevealDeputyContact ? (
          <Button onClick={() => setRevealing(true)} data-testid="deputy-reveal">
            {t('registry.detail.reveal')}
          </Button>
        ) : null}
      </Space>
      {contact ? (
        <Alert
          type="info"
          showIcon
          closable
          onClose={() => setContact(undefined)}
          title={t('registry.detail.revealed', { mobile: contact.mobile, email: contact.email ?? t('registry.notSet') })}
          style={{ marginBottom: 12 }}
          data-testid="deputy-contact"
        />
      ) : null}
      <Descriptions column={{ xs: 1, sm: 1, md: 2 }} bordered size="small" data-testid="deputy-profile">
        <Descriptions.Item label={t('registry.field.name')}>{deputy.name}</Descriptions.Item>
        <Descriptions.Item label={t('registry.field.gender')}>{t(`registry.gender.${deputy.gender}`)}</Descriptions.Item>
        <Descriptions.Item label={t('registry.field.ethnicity')}>{deputy.ethnicity}</Descriptions.Item>
        <Descriptions.Item label={t('registry.field.birthYear')}>{deputy.birthYear ?? notSet}</Descriptions.Item>
        <Descriptions.Item label={t('registry.field.party')}>{deputy.party}</Descriptions.Item>
        <Descriptions.Item label={t('registry.field.education')}>{deputy.education ?? notSet}</Descriptions.Item>
        <Descriptions.Item label={t('registry.field.occupation')}>{deputy.occupation ?? notSet}</Descriptions.Item>
        <Descriptions.Item label={t('registry.field.workUnit')}>{deputy.workUnit ?? notSet}</Descriptions.Item>
        <Descriptions.Item label={t('registry.field.mobile')}>{deputy.mobile ?? notSet}</Descriptions.Item>
        <Descriptions.Item label={t('registry.field.email')}>{deputy.email ?? notSet}</Descriptions.Item>
        <Descriptions.Item label={t('registry.detail.photo')}>
          {deputy.photoAttachmentId ? (images.find((a) => a.id === deputy.photoAttachmentId)?.fileName ?? '✓') : notSet}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('registry.detail.photo')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('registry.detail.photoHelp')}</Typography.Paragraph>
      <Attachments ownerType="deputies" ownerId={deputy.id} canWrite={access.canUpdateDeputies} />
      {access.canUpdateDeputies && images.length > 0 ? (
        <Space wrap style={{ marginTop: 8 }}>
          <Select
            style={{ minWidth: 240 }}
            value={deputy.photoAttachmentId ?? undefined}
            allowClear
            placeholder={t('registry.detail.setPhoto')}
            aria-label={t('registry.detail.setPhoto')}
            options={images.map((a) => ({ value: a.id, label: a.fileName }))}
            onChange={(value) => setPhoto.mutate(value ?? null)}
          />
        </Space>
      ) : null}
      <Modal
        open={editing}
        title={t('registry.detail.editTitle')}
        onCancel={() => setEditing(false)}
        onOk={() => void form.validateFields().then((v) => save.mutate(v), () => undefined)}
        confirmLoading={save.isPending}
        okButtonProps={{ 'data-testid': 'deputy-edit-save' }}
        forceRender
      >
        <Form form={form} layout="vertical">
          <PersonFields />
        </Form>
      </Modal>
      <Modal
        open={revealing}
        title={t('registry.detail.revealTitle')}
        onCancel={() => setRevealing(false)}
        onOk={() => void revealForm.validateFields().then((v) => reveal.mutate(v.reason.trim()), () => undefined)}
        confirmLoading={reveal.isPending}
        okButtonProps={{ 'data-testid': 'deputy-reveal-ok' }}
        forceRender
      >
        <Form form={revealForm} layout="vertical">
          <Form.Item name="reason" label={t('registry.detail.revealReason')} rules={[{ required: true, whitespace: true, max: 200 }]}>
            <Input maxLength={200} placeholder={t('registry.detail.revealReasonPlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

interface EndValues {
  status: Exclude<SeatStatus, 'Serving'>;
  endedOn: Dayjs;
  reason?: string;
}

export function SeatsTab({ deputy }: { deputy: Deputy }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me, access } = useSession();
  const showError = useShowError();
  const refresh = useRefresh(deputy.id);
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Seat>();
  const [addForm] = Form.useForm<SeatValues>();
  const [endForm] = Form.useForm<EndValues>();
  const status = Form.useWatch('status', endForm);
  const tenants = useQuery({
    queryKey: ['identity', 'tenants'],
    queryFn: () => call(api.GET('/api/identity/tenants')),
    enabled: adding && access.canReadTenants && access.canSupervise,
    staleTime: 5 * 60_000,
  });
  const tenantOptions = (tenants.data ?? []).filter((x) => x.isActive).map((x) => ({ value: x.id, label: x.name }));

  const add = useMutation({
    mutationFn: (values: SeatValues) =>
      call(api.POST('/api/deputies/deputies/{id}/seats', { params: { path: { id: deputy.id } }, body: seatBody(values, me.tenant.id) })),
    onSuccess: (saved) => {
      refresh(saved);
      void message.success(t('registry.detail.seatAdded'));
      addForm.resetFields();
      setAdding(false);
    },
    onError: (error) => showError(error, addForm),
  });
  const end = useMutation({
    mutationFn: ({ seat, values }: { seat: Seat; values: EndValues }) =>
      call(
        api.POST('/api/deputies/deputies/{id}/seats/{seatId}/end', {
          params: { path: { id: deputy.id, seatId: seat.id } },
          body: { status: values.status, endedOn: values.endedOn.format('YYYY-MM-DD'), reason: values.reason?.trim() || null, version: seat.version },
        }),
      ),
    onSuccess: (saved) => {
      refresh(saved);
      void message.success(t('registry.detail.seatEnded'));
      endForm.resetFields();
      setEnding(undefined);
    },
    onError: (error) => showError(error, endForm),
  });

  const columns: TableColumnsType<Seat> = [
    { title: t('registry.field.level'), key: 'level', render: (_, s) => t(`registry.level.${s.level}`) },
    { title: t('registry.field.term'), key: 'term', render: (_, s) => termName(Number(s.term)) },
    { title: t('registry.field.constituency'), dataIndex: 'constituency', key: 'constituency' },
    { title: t('registry.detail.tenant'), dataIndex: 'tenantName', key: 'tenantName' },
    {
      title: t('registry.detail.electedOn'),
      key: 'electedOn',
      render: (_, s) => (
        <Space size={4}>
          {s.electedOn}
          {s.byElection ? <Tag color="default">{t('registry.byElection')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('registry.column.seats'),
      key: 'status',
      render: (_, s) => (
        <Space orientation="vertical" size={0}>
          <Tag color={s.status === 'Serving' ? 'processing' : 'warning'}>{t(`registry.status.${s.status}`)}</Tag>
          {s.endedOn ? <Typography.Text type="secondary">{`${s.endedOn} ${s.endReason ?? ''}`}</Typography.Text> : null}
        </Space>
      ),
    },
    {
      title: t('registry.column.actions'),
      key: 'actions',
      render: (_, s) =>
        access.canUpdateDeputies && s.status === 'Serving' ? (
          <Button size="small" onClick={() => setEnding(s)} data-testid={`seat-end-${s.id}`}>
            {t('registry.detail.endSeat')}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      {access.canUpdateDeputies ? (
        <Button onClick={() => setAdding(true)} style={{ marginBottom: 12 }} data-testid="seat-add">
          {t('registry.detail.addSeat')}
        </Button>
      ) : null}
      <Table<Seat> rowKey="id" size="small" columns={columns} dataSource={deputy.seats} pagination={false} scroll={{ x: 'max-content' }} data-testid="deputy-seats" />
      <Modal
        open={adding}
        title={t('registry.detail.addSeatTitle')}
        onCancel={() => setAdding(false)}
        onOk={() => void addForm.validateFields().then((v) => add.mutate(v), () => undefined)}
        confirmLoading={add.isPending}
        forceRender
      >
        <Form form={addForm} layout="vertical" initialValues={{ tenantId: me.tenant.id, byElection: false }}>
          <SeatFields tenantOptions={tenantOptions} />
        </Form>
      </Modal>
      <Modal
        open={!!ending}
        title={t('registry.detail.endSeatTitle')}
        onCancel={() => setEnding(undefined)}
        onOk={() => void endForm.validateFields().then((values) => ending && end.mutate({ seat: ending, values }), () => undefined)}
        confirmLoading={end.isPending}
        forceRender
      >
        <Form form={endForm} layout="vertical" initialValues={{ status: 'TermEnded', endedOn: dayjs() }}>
          <Form.Item name="status" label={t('registry.field.status')} rules={[{ required: true }]}>
            <Select options={(['Resigned', 'TermEnded', 'Terminated'] as const).map((s) => ({ value: s, label: t(`registry.status.${s}`) }))} />
          </Form.Item>
          <Form.Item name="endedOn" label={t('registry.field.endedOn')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('registry.field.reason')}
            rules={status === 'Terminated' ? [{ required: true, whitespace: true, message: t('registry.rule.reasonRequired') }] : []}
          >
            <Input.TextArea maxLength={500} rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export function ConsentTab({ deputy }: { deputy: Deputy }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { access } = useSession();
  const showError = useShowError();
  const refresh = useRefresh(deputy.id);
  const changingDialog = useDialogItem<{ item: ConsentItem; granted: boolean }>();
  const changing = changingDialog.item;
  const [form] = Form.useForm<{ note?: string }>();

  const record = useMutation({
    mutationFn: (note: string | undefined) =>
      call(
        api.POST('/api/deputies/deputies/{id}/consents', {
          params: { path: { id: deputy.id } },
          body: { item: changing!.item, granted: changing!.granted, note: note?.trim() || null },
        }),
      ),
    onSuccess: (saved) => {
      refresh(saved);
      void message.success(t('registry.detail.consentRecorded'));
      form.resetFields();
      changingDialog.close();
    },
    onError: (error) => showError(error, form),
  });

  const states = CONSENT_ITEMS.map((item) => deputy.consents.find((c) => c.item === item) ?? { item, granted: false, sinceUtc: null });

  return (
    <>
      <Typography.Paragraph type="secondary">{t('registry.detail.consentIntro')}</Typography.Paragraph>
      <Descriptions column={{ xs: 1, sm: 2 }} bordered size="small" data-testid="deputy-consents">
        {states.map((c) => (
          <Descriptions.Item key={c.item} label={t(`registry.consentItem.${c.item}`)}>
            <Space wrap>
              {c.granted ? <Tag color="success">{t('registry.detail.consentGranted')}</Tag> : <Tag>{t('registry.detail.consentNotGranted')}</Tag>}
              {c.sinceUtc ? <Typography.Text type="secondary">{t('registry.detail.consentSince', { at: formatDateTime(c.sinceUtc) })}</Typography.Text> : null}
              {access.canUpdateDeputies ? (
                <Button size="small" onClick={() => changingDialog.show({ item: c.item, granted: !c.granted })} data-testid={`consent-${c.item}`}>
                  {c.granted ? t('registry.detail.revoke') : t('registry.detail.grant')}
                </Button>
              ) : null}
            </Space>
          </Descriptions.Item>
        ))}
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('registry.detail.history')}
      </Typography.Title>
      <Table
        rowKey="id"
        size="small"
        dataSource={deputy.consentHistory}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        data-testid="deputy-consent-history"
        columns={[
          { title: t('registry.detail.historyAt'), key: 'at', render: (_, r) => formatDateTime(r.recordedAtUtc) },
          { title: t('registry.detail.historyItem'), key: 'item', render: (_, r) => t(`registry.consentItem.${r.item}`) },
          {
            title: t('registry.detail.historyAction'),
            key: 'granted',
            render: (_, r) => (r.granted ? <Tag color="success">{t('registry.detail.granted')}</Tag> : <Tag>{t('registry.detail.revoked')}</Tag>),
          },
          { title: t('registry.detail.historyBy'), dataIndex: 'recordedByName', key: 'by' },
          { title: t('registry.detail.historyNote'), key: 'note', render: (_, r) => r.note ?? '—' },
        ]}
      />
      <Modal
        {...changingDialog.modal}
        title={changing ? `${changing.granted ? t('registry.detail.grant') : t('registry.detail.revoke')}:${t(`registry.consentItem.${changing.item}`)}` : undefined}
        onOk={() => void form.validateFields().then((v) => record.mutate(v.note), () => undefined)}
        confirmLoading={record.isPending}
        okButtonProps={{ 'data-testid': 'consent-save' }}
        forceRender
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="note"
            label={t('registry.detail.consentNote')}
            rules={changing?.granted ? [{ required: true, whitespace: true, message: t('registry.rule.noteRequired') }] : []}
          >
            <Input.TextArea maxLength={500} rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export function InviteTab({ deputy }: { deputy: Deputy }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { access } = useSession();
  const showError = useShowError();
  const refresh = useRefresh(deputy.id);
  const [password, setPassword] = useState<string>();
  const [inactive, setInactive] = useState(false);

  const invite = useMutation({
    mutationFn: () => call(api.POST('/api/deputies/deputies/{id}/invite', { params: { path: { id: deputy.id } } })),
    onSuccess: (invitation) => {
      refresh();
      setInactive(!invitation.accountActive);
      if (invitation.temporaryPassword) setPassword(invitation.temporaryPassword);
      else void message.success(t('registry.detail.inviteDone', { count: Number(invitation.membershipsAdded) }));
    },
    onError: (error) => showError(error),
  });

  return (
    <>
      <Typography.Paragraph type="secondary">{t('registry.detail.inviteIntro')}</Typography.Paragraph>
      <Descriptions column={1} bordered size="small" data-testid="deputy-invite">
        <Descriptions.Item label={t('registry.detail.inviteStatus')}>
          {deputy.userId ? <Tag color="success">{t('registry.invited')}</Tag> : <Tag>{t('registry.notInvited')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('registry.detail.invitedAt')}>{deputy.invitedAtUtc ? formatDateTime(deputy.invitedAtUtc) : '—'}</Descriptions.Item>
      </Descriptions>
      {inactive ? <Alert type="warning" showIcon title={t('registry.detail.inactiveAccount')} style={{ marginTop: 12 }} /> : null}
      {access.canInviteDeputies ? (
        <Button type="primary" style={{ marginTop: 12 }} loading={invite.isPending} onClick={() => invite.mutate()} data-testid="deputy-invite-button">
          {deputy.userId ? t('registry.detail.inviteAgain') : t('registry.detail.inviteNow')}
        </Button>
      ) : null}
      <TemporaryPasswordModal
        password={password}
        text={t('registry.detail.inviteCreated', { name: deputy.name })}
        onClose={() => setPassword(undefined)}
      />
    </>
  );
}
