// 组织机构: the tenants the caller may see (its own, and its subtree when it supervises) as a tree table; a district
// gets new streets and townships (POST /api/identity/tenants), any tenant may be renamed or disabled (PUT).
import { EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Radio, Select, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '@/api/client';
import { useSession } from '@/auth/me';
import { applyCodeError, isConcurrencyError } from '@/components/formErrors';
import ProblemResult from '@/components/ProblemResult';
import { useShowError } from '@/components/useShowError';

type Tenant = Schemas['TenantDto'];
type TenantNode = Tenant & { children?: TenantNode[] };
type CreateValues = Schemas['CreateTenantCommand'];
type EditValues = Pick<Schemas['UpdateTenantBody'], 'name' | 'isActive'>;

/** The server's rule (TenantPaths.CodePattern). */
export const TENANT_CODE = /^[a-z][a-z0-9-]{1,31}$/;
const NAME_MAX = 100;
const tenantsKey = ['identity', 'tenants'] as const;

/** The flat list (ordered by path) as a tree: a tenant whose parent is not visible is a root. */
export function toTree(tenants: Tenant[]): TenantNode[] {
  const nodes = new Map<string, TenantNode>(tenants.map((t) => [t.id, { ...t }]));
  const roots: TenantNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

function CreateTenantModal({ parents, parentId, onClose }: { parents: Tenant[]; parentId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CreateValues>();
  const save = useMutation({
    mutationFn: (body: CreateValues) => call(api.POST('/api/identity/tenants', { body })),
    onSuccess: (created) => {
      void message.success(t('tenants.created', { name: created.name }));
      void queryClient.invalidateQueries({ queryKey: tenantsKey });
      onClose();
    },
    onError: (error) => {
      if (!applyCodeError(form, error, { 'tenant.code_taken': 'code', 'tenant.name_taken': 'name' })) showError(error, form);
    },
  });
  return (
    <Modal open title={t('tenants.createTitle')} onCancel={onClose} footer={null} destroyOnHidden mask={{ closable: false }}>
      <Form<CreateValues>
        form={form}
        layout="vertical"
        data-testid="tenant-form"
        initialValues={{ parentId: parentId ?? (parents.length === 1 ? parents[0]!.id : undefined), kind: 'Street' }}
        onFinish={(values) => save.mutate({ ...values, code: values.code.trim(), name: values.name.trim() })}
      >
        <Form.Item name="parentId" label={t('tenants.parent')} rules={[{ required: true, message: t('tenants.parentRequired') }]}>
          <Select
            placeholder={t('tenants.parentPlaceholder')}
            options={parents.map((p) => ({ value: p.id, label: p.name }))}
            disabled={parents.length <= 1}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('tenants.kind')} rules={[{ required: true, message: t('tenants.kindRequired') }]}>
          <Radio.Group
            options={(['Street', 'Township'] as const).map((k) => ({ value: k, label: t(`enums.tenantKind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('tenants.name')}
          rules={[
            { required: true, whitespace: true, message: t('tenants.nameRequired') },
            { max: NAME_MAX, message: t('tenants.nameMax') },
          ]}
        >
          <Input placeholder={t('tenants.namePlaceholder')} maxLength={NAME_MAX} showCount />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('tenants.code')}
          extra={t('tenants.codeHelp')}
          rules={[
            { required: true, message: t('tenants.codeRequired') },
            { pattern: TENANT_CODE, message: t('tenants.codePattern') },
          ]}
        >
          <Input placeholder={t('tenants.codePlaceholder')} autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="tenant-save">
            {t('common.save')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}

function EditTenantModal({ tenant, onClose }: { tenant: Tenant; onClose: () => void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EditValues>();
  const isCurrent = tenant.id === me.tenant.id;
  const save = useMutation({
    mutationFn: (values: EditValues) =>
      call(api.PUT('/api/identity/tenants/{id}', { params: { path: { id: tenant.id } }, body: { ...values, version: tenant.version } })),
    onSuccess: () => {
      void message.success(t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: tenantsKey });
      onClose();
    },
    onError: (error) => {
      showError(error, form);
      if (isConcurrencyError(error)) {
        void queryClient.invalidateQueries({ queryKey: tenantsKey });
        onClose();
      }
    },
  });
  return (
    <Modal open title={t('tenants.editTitle')} onCancel={onClose} footer={null} destroyOnHidden mask={{ closable: false }}>
      <Typography.Paragraph type="secondary">
        {t('tenants.code')}:<Typography.Text code>{tenant.code}</Typography.Text> · {t('tenants.kind')}:
        {t(`enums.tenantKind.${tenant.kind}`, { defaultValue: tenant.kind })}
        <br />
        {t('tenants.fixedHint')}
      </Typography.Paragraph>
      <Form<EditValues>
        form={form}
        layout="vertical"
        data-testid="tenant-form"
        initialValues={{ name: tenant.name, isActive: tenant.isActive }}
        onFinish={(values) => save.mutate({ ...values, name: values.name.trim() })}
      >
        <Form.Item
          name="name"
          label={t('tenants.name')}
          rules={[
            { required: true, whitespace: true, message: t('tenants.nameRequired') },
            { max: NAME_MAX, message: t('tenants.nameMax') },
          ]}
        >
          <Input maxLength={NAME_MAX} showCount />
        </Form.Item>
        <Form.Item
          name="isActive"
          label={t('tenants.active')}
          valuePropName="checked"
          extra={isCurrent ? t('tenants.activeSelf') : t('tenants.activeHelp')}
        >
          <Switch disabled={isCurrent && tenant.isActive} />
        </Form.Item>
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="tenant-save">
            {t('common.save')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}

type Dialog = { mode: 'create'; parentId?: string } | { mode: 'edit'; tenant: Tenant } | undefined;

export default function TenantsPage() {
  const { t } = useTranslation();
  const { me, access } = useSession();
  const tenants = useQuery({ queryKey: tenantsKey, queryFn: () => call(api.GET('/api/identity/tenants')) });
  const [dialog, setDialog] = useState<Dialog>();
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());

  const tree = useMemo(() => toTree(tenants.data ?? []), [tenants.data]);
  // Streets and townships are created under an active district (Tenant.CreateChild).
  const parents = useMemo(() => (tenants.data ?? []).filter((x) => x.kind === 'District' && x.isActive), [tenants.data]);
  const expanded = useMemo(
    () => (tenants.data ?? []).filter((x) => !collapsed.has(x.id)).map((x) => x.id),
    [tenants.data, collapsed],
  );

  if (tenants.isError) return <ProblemResult error={tenants.error} onRetry={() => void tenants.refetch()} />;

  const columns: TableColumnsType<TenantNode> = [
    {
      title: t('tenants.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, row) => (
        <span>
          {name}
          {row.id === me.tenant.id ? (
            <Tag color="blue" style={{ marginInlineStart: 8 }}>
              {t('tenants.current')}
            </Tag>
          ) : null}
        </span>
      ),
    },
    {
      title: t('tenants.code'),
      dataIndex: 'code',
      key: 'code',
      responsive: ['sm'],
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    {
      title: t('tenants.kind'),
      dataIndex: 'kind',
      key: 'kind',
      responsive: ['md'],
      render: (kind: string) => t(`enums.tenantKind.${kind}`, { defaultValue: kind }),
    },
    {
      title: t('common.status'),
      dataIndex: 'isActive',
      key: 'isActive',
      render: (active: boolean) =>
        active ? <Tag color="success">{t('enums.status.active')}</Tag> : <Tag>{t('enums.status.inactive')}</Tag>,
    },
  ];
  if (access.canCreateTenants || access.canUpdateTenants) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, row) => (
        <Space size={0} wrap>
          {access.canCreateTenants && row.kind === 'District' && row.isActive ? (
            <Button type="link" size="small" data-testid="tenant-add-child" onClick={() => setDialog({ mode: 'create', parentId: row.id })}>
              {t('tenants.addChild')}
            </Button>
          ) : null}
          {access.canUpdateTenants ? (
            <Button
              type="link"
              size="small"
              icon={<EditOutlined />}
              data-testid="tenant-edit"
              aria-label={`${t('common.edit')} ${row.name}`}
              onClick={() => setDialog({ mode: 'edit', tenant: row })}
            >
              {t('common.edit')}
            </Button>
          ) : null}
        </Space>
      ),
    });
  }

  return (
    <Card title={t('tenants.title')} data-testid="tenants-page">
      <Typography.Paragraph type="secondary">{t('tenants.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        {access.canCreateTenants ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="tenant-create"
            disabled={tenants.isPending || parents.length === 0}
            title={!tenants.isPending && parents.length === 0 ? t('tenants.noParent') : undefined}
            onClick={() => setDialog({ mode: 'create' })}
          >
            {t('tenants.create')}
          </Button>
        ) : null}
        <Button icon={<ReloadOutlined />} onClick={() => void tenants.refetch()} loading={tenants.isFetching && !tenants.isPending}>
          {t('common.refresh')}
        </Button>
      </Space>
      <Table<TenantNode>
        data-testid="tenants-tree"
        rowKey="id"
        size="middle"
        loading={tenants.isPending}
        dataSource={tree}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('tenants.empty') }}
        scroll={{ x: 'max-content' }}
        expandable={{
          expandedRowKeys: expanded,
          onExpand: (open, row) =>
            setCollapsed((previous) => {
              const next = new Set(previous);
              if (open) next.delete(row.id);
              else next.add(row.id);
              return next;
            }),
        }}
      />
      {dialog?.mode === 'create' ? (
        <CreateTenantModal parents={parents} parentId={dialog.parentId} onClose={() => setDialog(undefined)} />
      ) : null}
      {dialog?.mode === 'edit' ? <EditTenantModal tenant={dialog.tenant} onClose={() => setDialog(undefined)} /> : null}
    </Card>
  );
}
