// 用户详情: one account — its profile, its seats (tenant + roles) in the tenants the caller manages, and the
// administrator's actions on it (reset password, disable/enable, unlock, end sessions). The API decides who may do
// what (a tenant administrator grants ordinary roles only, privileged accounts are the security administrator's);
// a refusal is shown with the API's message.
import { ArrowLeftOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, call } from '@/api/client';
import { useSession } from '@/auth/me';
import ProblemResult from '@/components/ProblemResult';
import { useShowError } from '@/components/useShowError';
import {
  grantableRoles,
  LockTag,
  optional,
  RoleCheckboxes,
  RoleTags,
  StatusTag,
  TemporaryPasswordModal,
  toDateOnly,
  useUserRules,
  userQueryKey,
  usersQueryKey,
  type Membership,
  type User,
} from '../users/shared';

interface ProfileValues {
  displayName: string;
  phoneNumber?: string;
  clearPhone?: boolean;
  email?: string;
  termEndsOn?: Dayjs | null;
}

function ProfileModal({ user, open, onClose }: { user: User; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const rules = useUserRules();
  const [form] = Form.useForm<ProfileValues>();
  const clearPhone = Form.useWatch('clearPhone', form);
  // The API shows the mobile number masked (138****1234): an empty field keeps the number on file (null),
  // a new number replaces it, and the check box removes it (an empty string).
  const hasPhone = !!user.phoneNumber;

  const save = useMutation({
    mutationFn: (values: ProfileValues) =>
      call(
        api.PUT('/api/identity/users/{id}', {
          params: { path: { id: user.id } },
          body: {
            displayName: values.displayName.trim(),
            phoneNumber: values.clearPhone ? '' : optional(values.phoneNumber),
            email: optional(values.email),
            termEndsOn: toDateOnly(values.termEndsOn),
            version: user.version,
          },
        }),
      ),
    onSuccess: (updated) => {
      queryClient.setQueryData(userQueryKey(user.id), updated);
      void queryClient.invalidateQueries({ queryKey: usersQueryKey, exact: false, refetchType: 'none' });
      void message.success(t('users.detail.saved'));
      onClose();
    },
    onError: (error) => {
      showError(error, form);
      void queryClient.invalidateQueries({ queryKey: userQueryKey(user.id) });
    },
  });

  const submit = async () => {
    try {
      save.mutate(await form.validateFields());
    } catch {
      // the fields show what is wrong
    }
  };

  return (
    <Modal
      open={open}
      title={t('users.detail.editTitle')}
      okText={t('users.detail.save')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'profile-save' }}
      maskClosable={false}
      destroyOnHidden
    >
      <Form<ProfileValues>
        form={form}
        layout="vertical"
        data-testid="profile-form"
        initialValues={{
          displayName: user.displayName,
          email: user.email ?? '',
          termEndsOn: user.termEndsOn ? dayjs(user.termEndsOn) : null,
          clearPhone: false,
        }}
      >
        <Form.Item name="displayName" label={t('users.field.displayName')} rules={rules.displayName}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="phoneNumber"
          label={t('users.field.phone')}
          extra={hasPhone ? t('users.detail.phoneMasked', { phone: user.phoneNumber }) : t('users.field.phoneHelp')}
          rules={rules.phoneNumber}
        >
          <Input inputMode="tel" maxLength={20} autoComplete="off" placeholder={user.phoneNumber ?? ''} disabled={!!clearPhone} />
        </Form.Item>
        {hasPhone ? (
          <Form.Item name="clearPhone" valuePropName="checked" style={{ marginTop: -8 }}>
            <Checkbox>{t('users.field.clearPhone')}</Checkbox>
          </Form.Item>
        ) : null}
        <Form.Item name="email" label={t('users.field.email')} rules={rules.email}>
          <Input type="email" maxLength={256} autoComplete="off" />
        </Form.Item>
        <Form.Item name="termEndsOn" label={t('users.field.termEndsOn')} extra={t('users.field.termEndsOnHelp')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface MembershipValues {
  tenantId: string;
  roles: string[];
}

type MembershipEdit = { tenantId?: string; tenantName?: string; roles: string[] };

function MembershipModal({ user, edit, onClose }: { user: User; edit: MembershipEdit | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me, access } = useSession();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const rules = useUserRules();
  const [form] = Form.useForm<MembershipValues>();
  const adding = edit !== undefined && edit.tenantId === undefined;

  // The tenants the caller covers: the API's list where the caller may read it, else the active tenant.
  const tenants = useQuery({
    queryKey: ['identity', 'tenants'],
    queryFn: () => call(api.GET('/api/identity/tenants')),
    enabled: adding && access.canReadTenants,
    staleTime: 5 * 60_000,
  });
  const held = new Set(user.memberships.map((m) => m.tenantId));
  const candidates = access.canReadTenants
    ? (tenants.data ?? []).filter((x) => x.isActive).map((x) => ({ value: x.id, label: x.name }))
    : [{ value: me.tenant.id, label: me.tenant.name }];
  const options = candidates.filter((o) => !held.has(o.value));
  const only = adding && options.length === 1 ? options[0]!.value : undefined;
  useEffect(() => {
    if (only && !form.getFieldValue('tenantId')) form.setFieldValue('tenantId', only);
  }, [form, only]);

  const save = useMutation({
    mutationFn: (values: MembershipValues) =>
      call(
        api.PUT('/api/identity/users/{id}/memberships/{tenantId}', {
          params: { path: { id: user.id, tenantId: values.tenantId } },
          body: { roles: values.roles },
        }),
      ),
    onSuccess: (updated) => {
      queryClient.setQueryData(userQueryKey(user.id), updated);
      void queryClient.invalidateQueries({ queryKey: usersQueryKey, refetchType: 'none' });
      void message.success(t('users.memberships.saved'));
      onClose();
    },
    onError: (error) => showError(error, form),
  });

  const submit = async () => {
    try {
      save.mutate(await form.validateFields());
    } catch {
      // the fields show what is wrong
    }
  };

  return (
    <Modal
      open={edit !== undefined}
      title={adding ? t('users.memberships.addTitle') : t('users.memberships.editTitle', { tenant: edit?.tenantName ?? '' })}
      okText={t('users.detail.save')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'membership-save' }}
      maskClosable={false}
      destroyOnHidden
    >
      <Form<MembershipValues>
        form={form}
        layout="vertical"
        data-testid="membership-form"
        initialValues={{
          tenantId: edit?.tenantId ?? only,
          roles: edit?.roles ?? [],
        }}
      >
        <Form.Item
          name="tenantId"
          label={t('users.memberships.tenant')}
          rules={[{ required: true, message: t('users.rule.tenantRequired') }]}
          hidden={!adding}
        >
          <Select
            options={options}
            loading={tenants.isFetching}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="membership-tenant"
          />
        </Form.Item>
        <Form.Item name="roles" label={t('users.memberships.roles')} rules={rules.roles} extra={me.roles.includes('security-admin') ? undefined : t('users.field.rolesHelp')}>
          <RoleCheckboxes grantable={grantableRoles(me)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type Action = 'reset-password' | 'disable' | 'enable' | 'unlock' | 'end-sessions';

type ActionResult = User | { temporaryPassword: string } | undefined;

function runAction(id: string, action: Action): Promise<ActionResult> {
  const params = { params: { path: { id } } };
  switch (action) {
    case 'reset-password':
      return call(api.POST('/api/identity/users/{id}/reset-password', params));
    case 'disable':
      return call(api.POST('/api/identity/users/{id}/disable', params));
    case 'enable':
      return call(api.POST('/api/identity/users/{id}/enable', params));
    case 'unlock':
      return call(api.POST('/api/identity/users/{id}/unlock', params));
    case 'end-sessions':
      return call(api.POST('/api/identity/users/{id}/end-sessions', params));
  }
}

function UserActions({ user, self }: { user: User; self: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [temporary, setTemporary] = useState<string>();

  const act = useMutation({
    mutationFn: (action: Action) => runAction(user.id, action),
    onSuccess: (result, action) => {
      if (result && 'temporaryPassword' in result) {
        setTemporary(result.temporaryPassword);
      } else if (action !== 'reset-password') {
        const done = { disable: 'disabled', enable: 'enabled', unlock: 'unlocked', 'end-sessions': 'sessionsEnded' } as const;
        void message.success(t(`users.actions.${done[action]}`));
      }
      if (result && 'id' in result) queryClient.setQueryData(userQueryKey(user.id), result);
      else void queryClient.invalidateQueries({ queryKey: userQueryKey(user.id) });
      void queryClient.invalidateQueries({ queryKey: usersQueryKey, refetchType: 'none' });
    },
    onError: (error) => showError(error),
  });

  const button = (action: Action, label: string, confirm: string, props: { danger?: boolean; disabled?: boolean } = {}): ReactNode => (
    <Popconfirm
      key={action}
      title={label}
      description={<div style={{ maxWidth: 280 }}>{confirm}</div>}
      onConfirm={() => act.mutateAsync(action).catch(() => undefined)}
      disabled={props.disabled}
    >
      <Button
        danger={props.danger}
        disabled={props.disabled}
        loading={act.isPending && act.variables === action}
        data-testid={`action-${action}`}
      >
        {label}
      </Button>
    </Popconfirm>
  );

  return (
    <>
      <Space wrap data-testid="user-actions">
        {button('reset-password', t('users.actions.resetPassword'), t('users.actions.resetConfirm'))}
        {user.status === 'Active'
          ? self
            ? null
            : button('disable', t('users.actions.disable'), t('users.actions.disableConfirm'), { danger: true })
          : button('enable', t('users.actions.enable'), t('users.actions.enableConfirm'))}
        {button('unlock', t('users.actions.unlock'), t('users.actions.unlockConfirm'), { disabled: !user.isLockedOut })}
        {button('end-sessions', t('users.actions.endSessions'), t('users.actions.endSessionsConfirm'))}
      </Space>
      <TemporaryPasswordModal
        password={temporary}
        text={t('users.temporaryPassword.resetText', { name: user.displayName })}
        onClose={() => setTemporary(undefined)}
      />
    </>
  );
}

function Memberships({ user, self }: { user: User; self: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { access } = useSession();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [edit, setEdit] = useState<MembershipEdit>();
  const manage = access.canManageUsers && !self;

  const remove = useMutation({
    mutationFn: (m: Membership) =>
      call(api.DELETE('/api/identity/users/{id}/memberships/{tenantId}', { params: { path: { id: user.id, tenantId: m.tenantId } } })),
    onSuccess: (_, m) => {
      void message.success(t('users.memberships.removed', { tenant: m.tenantName }));
      void queryClient.invalidateQueries({ queryKey: usersQueryKey, refetchType: 'none' });
      if (user.memberships.every((x) => x.tenantId === m.tenantId)) {
        // No seat left where the caller can see it: the account is out of sight.
        queryClient.removeQueries({ queryKey: userQueryKey(user.id) });
        void navigate('/system/users');
      } else {
        void queryClient.invalidateQueries({ queryKey: userQueryKey(user.id) });
      }
    },
    onError: (error) => showError(error),
  });

  const columns: TableColumnsType<Membership> = [
    { title: t('users.memberships.tenant'), dataIndex: 'tenantName', key: 'tenant' },
    { title: t('users.memberships.roles'), key: 'roles', render: (_, m) => <RoleTags roles={m.roles} /> },
  ];
  if (manage) {
    columns.push({
      title: t('users.column.actions'),
      key: 'actions',
      render: (_, m) => (
        <Space size={0} wrap>
          <Button
            type="link"
            size="small"
            onClick={() => setEdit({ tenantId: m.tenantId, tenantName: m.tenantName, roles: [...m.roles] })}
            data-testid={`membership-edit-${m.tenantId}`}
          >
            {t('users.memberships.edit')}
          </Button>
          <Popconfirm
            title={t('users.memberships.removeTitle')}
            description={<div style={{ maxWidth: 280 }}>{t('users.memberships.removeConfirm', { name: user.displayName, tenant: m.tenantName })}</div>}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove.mutateAsync(m).catch(() => undefined)}
          >
            <Button type="link" size="small" danger data-testid={`membership-remove-${m.tenantId}`}>
              {t('users.memberships.remove')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <Card
      title={t('users.memberships.title')}
      extra={
        manage ? (
          <Button icon={<PlusOutlined />} onClick={() => setEdit({ roles: [] })} data-testid="membership-add">
            {t('users.memberships.add')}
          </Button>
        ) : null
      }
    >
      <Table<Membership>
        rowKey="tenantId"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={user.memberships}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('users.memberships.empty') }}
        data-testid="memberships-table"
      />
      {manage ? <MembershipModal key={edit?.tenantId ?? 'new'} user={user} edit={edit} onClose={() => setEdit(undefined)} /> : null}
    </Card>
  );
}

export default function UserDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { me, access } = useSession();
  const [editing, setEditing] = useState(false);

  const query = useQuery({
    queryKey: userQueryKey(id),
    queryFn: () => call(api.GET('/api/identity/users/{id}', { params: { path: { id } } })),
  });
  const user = query.data;

  if (query.isError) {
    return (
      <ProblemResult
        error={query.error}
        onRetry={() => void query.refetch()}
        extra={
          <Link to="/system/users">
            <Button type="primary">{t('users.detail.back')}</Button>
          </Link>
        }
      />
    );
  }
  if (!user) return <Skeleton active data-testid="user-loading" />;

  const self = user.id === me.user.id;
  const notSet = <Typography.Text type="secondary">{t('users.notSet')}</Typography.Text>;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="user-detail">
      <Card
        title={
          <Space wrap>
            <span>{user.displayName}</span>
            <StatusTag status={user.status} />
            {user.isLockedOut ? <LockTag locked /> : null}
          </Space>
        }
        extra={
          <Link to="/system/users">
            <ArrowLeftOutlined /> {t('users.detail.back')}
          </Link>
        }
      >
        {self ? <Alert type="info" showIcon title={t('users.detail.self')} style={{ marginBottom: 16 }} /> : null}
        {access.canManageUsers ? <UserActions user={user} self={self} /> : null}
      </Card>
      <Card
        title={t('users.detail.profile')}
        extra={
          access.canManageUsers ? (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="user-edit">
              {t('users.detail.edit')}
            </Button>
          ) : null
        }
      >
        <Descriptions column={{ xs: 1, sm: 1, md: 2 }} bordered size="small" data-testid="user-profile">
          <Descriptions.Item label={t('users.field.displayName')}>{user.displayName}</Descriptions.Item>
          <Descriptions.Item label={t('users.field.userName')}>{user.userName}</Descriptions.Item>
          <Descriptions.Item label={t('users.field.phone')}>{user.phoneNumber ?? notSet}</Descriptions.Item>
          <Descriptions.Item label={t('users.field.email')}>{user.email ?? notSet}</Descriptions.Item>
          <Descriptions.Item label={t('users.field.termEndsOn')}>{user.termEndsOn ?? notSet}</Descriptions.Item>
          <Descriptions.Item label={t('users.detail.status')}>
            <StatusTag status={user.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t('users.detail.lockout')}>
            <LockTag locked={user.isLockedOut} />
          </Descriptions.Item>
          <Descriptions.Item label={t('users.detail.password')}>
            {user.mustChangePassword ? <Tag color="warning">{t('users.detail.passwordMustChange')}</Tag> : t('users.detail.passwordOk')}
          </Descriptions.Item>
          <Descriptions.Item label={t('users.detail.twoFactor')}>
            {user.twoFactorEnabled ? <Tag color="success">{t('users.detail.twoFactorOn')}</Tag> : <Tag>{t('users.detail.twoFactorOff')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('users.detail.createdAt')}>{dayjs(user.createdAtUtc).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Memberships user={user} self={self} />
      {access.canManageUsers ? <ProfileModal key={user.version} user={user} open={editing} onClose={() => setEditing(false)} /> : null}
    </Space>
  );
}
