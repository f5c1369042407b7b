// 用户管理: the accounts with a seat in the active tenant (its subtree for a supervisor), searched and paged by the
// API; a user administrator opens new accounts here and hands over the temporary password, shown once.
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '@/api/client';
import { asApiError } from '@/api/problem';
import { useSession } from '@/auth/me';
import ExportButton from '@/components/ExportButton';
import { useShowError } from '@/components/useShowError';
import {
  grantableRoles,
  LockTag,
  optional,
  RoleCheckboxes,
  RoleTags,
  rolesIn,
  StatusTag,
  TemporaryPasswordModal,
  toDateOnly,
  useUserRules,
  type User,
  usersQueryKey,
} from './shared';

const DEFAULT_PAGE_SIZE = 20;

interface CreateValues {
  userName: string;
  displayName: string;
  phoneNumber?: string;
  email?: string;
  tenantId?: string;
  roles: string[];
  termEndsOn?: Dayjs | null;
}

function CreateUserModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (name: string, password: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me, access } = useSession();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const rules = useUserRules();
  const [form] = Form.useForm<CreateValues>();
  const roles = Form.useWatch('roles', form);
  const isDeputy = (roles ?? []).includes('deputy');

  // A supervisor may open the account in a tenant of its subtree; everyone else in the active tenant.
  const tenants = useQuery({
    queryKey: ['identity', 'tenants'],
    queryFn: () => call(api.GET('/api/identity/tenants')),
    enabled: open && access.canReadTenants && access.canSupervise,
    staleTime: 5 * 60_000,
  });
  const tenantOptions = (tenants.data ?? []).filter((x) => x.isActive).map((x) => ({ value: x.id, label: x.name }));

  const create = useMutation({
    mutationFn: (values: CreateValues) =>
      call(
        api.POST('/api/identity/users', {
          body: {
            userName: values.userName.trim(),
            displayName: values.displayName.trim(),
            phoneNumber: optional(values.phoneNumber),
            email: optional(values.email),
            termEndsOn: values.roles.includes('deputy') ? toDateOnly(values.termEndsOn) : null,
            tenantId: values.tenantId && values.tenantId !== me.tenant.id ? values.tenantId : null,
            roles: values.roles,
          },
        }),
      ),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: usersQueryKey });
      void message.success(t('users.created', { name: created.user.displayName }));
      form.resetFields();
      onCreated(created.user.displayName, created.temporaryPassword);
    },
    onError: (error) => showError(error, form),
  });

  const submit = async () => {
    let values: CreateValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // the fields show what is wrong
    }
    create.mutate(values);
  };

  return (
    <Modal
      open={open}
      title={t('users.createTitle')}
      okText={t('users.createOk')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'user-save' }}
      maskClosable={false}
      forceRender
    >
      <Form<CreateValues>
        form={form}
        layout="vertical"
        data-testid="user-form"
        initialValues={{ roles: [], tenantId: me.tenant.id }}
        onFinish={() => void submit()}
      >
        <Form.Item name="displayName" label={t('users.field.displayName')} rules={rules.displayName}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item name="userName" label={t('users.field.userName')} rules={rules.userName} extra={t('users.field.userNameHelp')}>
          <Input maxLength={64} autoComplete="off" />
        </Form.Item>
        <Form.Item name="phoneNumber" label={t('users.field.phone')} rules={rules.phoneNumber} extra={t('users.field.phoneHelp')}>
          <Input inputMode="tel" maxLength={20} autoComplete="off" />
        </Form.Item>
        <Form.Item name="email" label={t('users.field.email')} rules={rules.email}>
          <Input type="email" maxLength={256} autoComplete="off" />
        </Form.Item>
        {tenantOptions.length > 1 ? (
          <Form.Item name="tenantId" label={t('users.field.tenant')} rules={[{ required: true, message: t('users.rule.tenantRequired') }]}>
            <Select options={tenantOptions} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        ) : null}
        <Form.Item name="roles" label={t('users.field.roles')} rules={rules.roles}>
          <RoleCheckboxes grantable={grantableRoles(me)} />
        </Form.Item>
        {isDeputy ? (
          <Form.Item name="termEndsOn" label={t('users.field.termEndsOn')} extra={t('users.field.termEndsOnHelp')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

export default function UsersPage() {
  const { t } = useTranslation();
  const { me, access } = useSession();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || DEFAULT_PAGE_SIZE));
  const [creating, setCreating] = useState(false);
  const [temporary, setTemporary] = useState<{ name: string; password: string }>();

  const users = useQuery({
    queryKey: [...usersQueryKey, { search, page, pageSize }],
    queryFn: () =>
      call(api.GET('/api/identity/users', { params: { query: { search: search || undefined, page, pageSize } } })),
    placeholderData: keepPreviousData,
  });

  const go = (next: { q?: string; page?: number; pageSize?: number }) => {
    const q = next.q ?? search;
    const result = new URLSearchParams();
    if (q) result.set('q', q);
    const p = next.page ?? page;
    if (p > 1) result.set('page', String(p));
    const size = next.pageSize ?? pageSize;
    if (size !== DEFAULT_PAGE_SIZE) result.set('pageSize', String(size));
    setParams(result);
  };

  const columns: TableColumnsType<User> = [
    {
      title: t('users.column.displayName'),
      key: 'displayName',
      fixed: 'left',
      render: (_, u) => <Link to={`/system/users/${u.id}`}>{u.displayName}</Link>,
    },
    { title: t('users.column.userName'), dataIndex: 'userName', key: 'userName' },
    { title: t('users.column.phone'), key: 'phone', render: (_, u) => u.phoneNumber ?? '—' },
    {
      title: t('users.column.status'),
      key: 'status',
      render: (_, u) => (
        <Space size={4} wrap>
          <StatusTag status={u.status} />
          {u.mustChangePassword ? <Tag color="warning">{t('users.mustChangePassword')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('users.column.roles'),
      key: 'roles',
      render: (_, u) => {
        const here = rolesIn(u, me.tenant.id);
        if (here.length > 0) return <RoleTags roles={here} />;
        // Seen through supervision: the seats below the active tenant.
        return u.memberships.length > 0 ? (
          <Space orientation="vertical" size={2}>
            {u.memberships.map((m) => (
              <span key={m.tenantId}>
                <Typography.Text type="secondary">{m.tenantName}:</Typography.Text>
                <RoleTags roles={m.roles} color="default" />
              </span>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('users.noRolesHere')}</Typography.Text>
        );
      },
    },
    { title: t('users.column.locked'), key: 'locked', render: (_, u) => <LockTag locked={u.isLockedOut} /> },
    {
      title: t('users.column.actions'),
      key: 'actions',
      render: (_, u) => <Link to={`/system/users/${u.id}`}>{t('users.view')}</Link>,
    },
  ];

  return (
    <Card
      title={t('menu.system.users')}
      extra={
        <Space>
          {access.canUseExports ? <ExportButton source="identity.users" filter={{ search: search || undefined }} /> : null}
          {access.canManageUsers ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="user-create">
              {t('users.create')}
            </Button>
          ) : null}
        </Space>
      }
      data-testid="users-page"
    >
      <Input.Search
        key={search}
        defaultValue={search}
        placeholder={t('users.searchPlaceholder')}
        enterButton={t('users.search')}
        allowClear
        maxLength={50}
        onSearch={(value) => go({ q: value.trim(), page: 1 })}
        style={{ maxWidth: 420, marginBottom: 16 }}
        data-testid="users-search"
      />
      {users.isError ? (
        <Typography.Paragraph type="danger" data-testid="users-error">
          {t('users.loadFailed')}:{asApiError(users.error).message}
        </Typography.Paragraph>
      ) : null}
      <Table<User>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={users.data?.items ?? []}
        loading={users.isFetching}
        scroll={{ x: 'max-content' }}
        data-testid="users-table"
        pagination={{
          current: page,
          pageSize,
          total: users.data ? Number(users.data.total) : 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('users.total', { total }),
          onChange: (p, size) => go({ page: size !== pageSize ? 1 : p, pageSize: size }),
        }}
      />
      {access.canManageUsers ? (
        <CreateUserModal
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(name, password) => {
            setCreating(false);
            setTemporary({ name, password });
          }}
        />
      ) : null}
      <TemporaryPasswordModal
        password={temporary?.password}
        text={t('users.temporaryPassword.createdText', { name: temporary?.name ?? '' })}
        onClose={() => setTemporary(undefined)}
      />
    </Card>
  );
}
