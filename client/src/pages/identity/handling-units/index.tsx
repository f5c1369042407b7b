// 承办单位: the handling units of the active tenant (of its subtree for a supervisor), searched by name, narrowed to
// one tenant, with or without the disabled ones, a page at a time (GET /api/identity/handling-units); registered
// (POST) and changed (PUT) in a modal whose rules are the API's (HandlingUnitRules).
import { EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '@/api/client';
import { useSession } from '@/auth/me';
import Attachments from '@/components/Attachments';
import ExportButton from '@/components/ExportButton';
import { applyCodeError, isConcurrencyError } from '@/components/formErrors';
import ProblemResult from '@/components/ProblemResult';
import { useShowError } from '@/components/useShowError';
import OfficersModal from './Officers';

type Unit = Schemas['HandlingUnitDto'];
type Kind = Schemas['HandlingUnitKind'];
interface UnitValues {
  tenantId?: string;
  name: string;
  kind: Kind;
  contactName?: string | null;
  contactPhone?: string | null;
  isActive?: boolean;
}

export const UNIT_KINDS: Kind[] = ['GovernmentDepartment', 'StreetOffice', 'TownshipGovernment', 'PublicService', 'Other'];
/** The server's rules (HandlingUnitRules). */
export const LIMITS = { name: 100, contactName: 50, contactPhone: 30, search: 50 } as const;
export const PHONE = /^[0-9+\-() ]*$/;
const unitsKey = ['identity', 'handling-units'] as const;

/** Blank optional text is sent as null (the API stores it so). */
const orNull = (value: string | null | undefined) => (value && value.trim() ? value.trim() : null);

function UnitModal({ unit, tenants, onClose }: { unit?: Unit; tenants: { value: string; label: string }[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<UnitValues>();
  const save = useMutation({
    mutationFn: async (values: UnitValues) => {
      const fields = {
        name: values.name.trim(),
        kind: values.kind,
        contactName: orNull(values.contactName),
        contactPhone: orNull(values.contactPhone),
      };
      if (unit) {
        return call(
          api.PUT('/api/identity/handling-units/{id}', {
            params: { path: { id: unit.id } },
            body: { ...fields, isActive: values.isActive ?? unit.isActive, version: unit.version },
          }),
        );
      }
      const tenantId = values.tenantId && values.tenantId !== me.tenant.id ? values.tenantId : null;
      return call(api.POST('/api/identity/handling-units', { body: { ...fields, tenantId } }));
    },
    onSuccess: (saved) => {
      void message.success(unit ? t('common.saved') : t('handlingUnits.created', { name: saved.name }));
      void queryClient.invalidateQueries({ queryKey: unitsKey });
      onClose();
    },
    onError: (error) => {
      if (applyCodeError(form, error, { 'handling_unit.name_taken': 'name' })) return;
      showError(error, form);
      if (isConcurrencyError(error)) {
        void queryClient.invalidateQueries({ queryKey: unitsKey });
        onClose();
      }
    },
  });
  const initialValues: Partial<UnitValues> = unit
    ? { name: unit.name, kind: unit.kind, contactName: unit.contactName, contactPhone: unit.contactPhone, isActive: unit.isActive }
    : { tenantId: me.tenant.id };
  return (
    <Modal
      open
      title={unit ? t('handlingUnits.editTitle') : t('handlingUnits.createTitle')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form<UnitValues>
        form={form}
        layout="vertical"
        data-testid="unit-form"
        initialValues={initialValues}
        onFinish={(values) => save.mutate(values)}
      >
        {!unit && tenants.length > 1 ? (
          <Form.Item name="tenantId" label={t('handlingUnits.tenant')} rules={[{ required: true, message: t('handlingUnits.tenantRequired') }]}>
            <Select options={tenants} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="name"
          label={t('handlingUnits.name')}
          rules={[
            { required: true, whitespace: true, message: t('handlingUnits.nameRequired') },
            { max: LIMITS.name, message: t('handlingUnits.nameMax') },
          ]}
        >
          <Input placeholder={t('handlingUnits.namePlaceholder')} maxLength={LIMITS.name} showCount />
        </Form.Item>
        <Form.Item name="kind" label={t('handlingUnits.kind')} rules={[{ required: true, message: t('handlingUnits.kindRequired') }]}>
          <Select
            placeholder={t('handlingUnits.kindPlaceholder')}
            options={UNIT_KINDS.map((k) => ({ value: k, label: t(`enums.handlingUnitKind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="contactName"
          label={t('handlingUnits.contactName')}
          rules={[{ max: LIMITS.contactName, message: t('handlingUnits.contactNameMax') }]}
        >
          <Input maxLength={LIMITS.contactName} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={t('handlingUnits.contactPhone')}
          rules={[
            { max: LIMITS.contactPhone, message: t('handlingUnits.contactPhoneMax') },
            { pattern: PHONE, message: t('handlingUnits.contactPhonePattern') },
          ]}
        >
          <Input placeholder={t('handlingUnits.phonePlaceholder')} maxLength={LIMITS.contactPhone} inputMode="tel" autoComplete="off" />
        </Form.Item>
        {unit ? (
          <Form.Item name="isActive" label={t('handlingUnits.active')} valuePropName="checked" extra={t('handlingUnits.activeHelp')}>
            <Switch />
          </Form.Item>
        ) : null}
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="unit-save">
            {t('common.save')}
          </Button>
        </Space>
      </Form>
      {unit ? (
        // 联系函、证明材料: only an existing unit has files; whoever may edit the unit may change them.
        <div style={{ marginTop: 16 }}>
          <Attachments ownerType="handling-units" ownerId={unit.id} canWrite />
        </div>
      ) : null}
    </Modal>
  );
}

interface Filter {
  search?: string;
  tenantId?: string;
  includeInactive: boolean;
  page: number;
  pageSize: number;
}

export default function HandlingUnitsPage() {
  const { t } = useTranslation();
  const { access } = useSession();
  const [filter, setFilter] = useState<Filter>({ includeInactive: false, page: 1, pageSize: 20 });
  const [dialog, setDialog] = useState<{ unit?: Unit }>();
  const [officersOf, setOfficersOf] = useState<Unit>();

  const units = useQuery({
    queryKey: [...unitsKey, filter],
    queryFn: () => call(api.GET('/api/identity/handling-units', { params: { query: filter } })),
    placeholderData: keepPreviousData,
  });
  // A supervisor sees (and registers units in) the tenants of its subtree; the others only their own.
  const tenants = useQuery({
    queryKey: ['identity', 'tenants'],
    queryFn: () => call(api.GET('/api/identity/tenants')),
    enabled: access.canReadTenants,
  });
  const tenantOptions = useMemo(
    () => (tenants.data ?? []).filter((x) => x.isActive).map((x) => ({ value: x.id, label: x.name })),
    [tenants.data],
  );
  const manyTenants = tenantOptions.length > 1;

  if (units.isError && !units.data) return <ProblemResult error={units.error} onRetry={() => void units.refetch()} />;

  const kindName = (kind: string) => t(`enums.handlingUnitKind.${kind}`, { defaultValue: kind });
  const columns: TableColumnsType<Unit> = [
    { title: t('handlingUnits.name'), dataIndex: 'name', key: 'name' },
    { title: t('handlingUnits.kind'), dataIndex: 'kind', key: 'kind', render: kindName },
    ...(manyTenants
      ? [{ title: t('handlingUnits.tenant'), dataIndex: 'tenantName', key: 'tenantName', responsive: ['md' as const] }]
      : []),
    {
      title: t('handlingUnits.contactName'),
      dataIndex: 'contactName',
      key: 'contactName',
      responsive: ['sm'],
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('handlingUnits.contactPhone'),
      dataIndex: 'contactPhone',
      key: 'contactPhone',
      responsive: ['sm'],
      render: (v: string | null) => (v ? <a href={`tel:${v.replace(/[^0-9+]/g, '')}`}>{v}</a> : '—'),
    },
    {
      title: t('common.status'),
      dataIndex: 'isActive',
      key: 'isActive',
      render: (active: boolean) =>
        active ? <Tag color="success">{t('enums.status.active')}</Tag> : <Tag>{t('enums.status.inactive')}</Tag>,
    },
  ];
  if (access.canUpdateHandlingUnits) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, unit) => (
        <Button
          type="link"
          size="small"
          icon={<EditOutlined />}
          data-testid="unit-edit"
          aria-label={`${t('common.edit')} ${unit.name}`}
          onClick={() => setDialog({ unit })}
        >
          {t('common.edit')}
        </Button>
      ),
    });
    columns.push({
      title: t('handlingUnits.officers'),
      key: 'officers',
      render: (_, unit) => (
        <Button type="link" size="small" data-testid="unit-officers-edit" aria-label={`${t('handlingUnits.officers')} ${unit.name}`} onClick={() => setOfficersOf(unit)}>
          {t('handlingUnits.officers')}
        </Button>
      ),
    });
  }

  return (
    <Card title={t('handlingUnits.title')} data-testid="units-page">
      <Typography.Paragraph type="secondary">{t('handlingUnits.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('handlingUnits.searchPlaceholder')}
          aria-label={t('handlingUnits.searchPlaceholder')}
          maxLength={LIMITS.search}
          style={{ width: 240 }}
          data-testid="unit-search"
          onSearch={(value) => setFilter((f) => ({ ...f, search: value.trim() || undefined, page: 1 }))}
        />
        {manyTenants ? (
          <Select
            allowClear
            placeholder={t('handlingUnits.allTenants')}
            aria-label={t('handlingUnits.tenant')}
            style={{ width: 220 }}
            options={tenantOptions}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="unit-tenant-filter"
            onChange={(tenantId?: string) => setFilter((f) => ({ ...f, tenantId, page: 1 }))}
          />
        ) : null}
        <Checkbox
          checked={filter.includeInactive}
          data-testid="unit-include-inactive"
          onChange={(e) => setFilter((f) => ({ ...f, includeInactive: e.target.checked, page: 1 }))}
        >
          {t('handlingUnits.includeInactive')}
        </Checkbox>
        {access.canCreateHandlingUnits ? (
          <Button type="primary" icon={<PlusOutlined />} data-testid="unit-create" onClick={() => setDialog({})}>
            {t('handlingUnits.create')}
          </Button>
        ) : null}
        {access.canUseExports ? (
          <ExportButton
            source="identity.handling-units"
            filter={{ search: filter.search, tenantId: filter.tenantId, includeInactive: filter.includeInactive }}
          />
        ) : null}
        <Button icon={<ReloadOutlined />} onClick={() => void units.refetch()} loading={units.isFetching && !units.isPending}>
          {t('common.refresh')}
        </Button>
      </Space>
      <Table<Unit>
        data-testid="units-table"
        rowKey="id"
        size="middle"
        loading={units.isFetching}
        dataSource={units.data?.items ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('handlingUnits.empty') }}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: units.data ? Number(units.data.total) : 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t('handlingUnits.total', { total }),
          onChange: (page, pageSize) => setFilter((f) => ({ ...f, page: pageSize === f.pageSize ? page : 1, pageSize })),
        }}
      />
      {dialog ? <UnitModal unit={dialog.unit} tenants={tenantOptions} onClose={() => setDialog(undefined)} /> : null}
      {officersOf ? <OfficersModal unit={officersOf} onClose={() => setOfficersOf(undefined)} /> : null}
    </Card>
  );
}
