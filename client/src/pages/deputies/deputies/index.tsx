// 代表名册: the deputies with a seat organised (or supervised) by the active tenant, filtered and paged by the API;
// staff register a deputy (drawer), import a roster (dialog with the template and the row-by-row report) and export.
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Divider,
  Drawer,
  Form,
  Grid,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '@/api/client';
import { asApiError, toApiError } from '@/api/problem';
import { useSession } from '@/auth/me';
import ExportButton from '@/components/ExportButton';
import { saveBlob } from '@/components/saveBlob';
import { useShowError } from '@/components/useShowError';
import {
  badRowCount,
  deputiesKey,
  exportFilter,
  groupsKey,
  listQuery,
  readFilter,
  readImportRows,
  reportCsv,
  SEAT_LEVELS,
  SEAT_STATUSES,
  writeFilter,
  type DeputyListItem,
  type ImportRowError,
  type RegistryFilter,
} from './registry';
import { PersonFields, personBody, SeatFields, seatBody, SeatTags, type PersonValues, type SeatValues } from './shared';

type RegisterValues = PersonValues & { seat: SeatValues };

function RegisterDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me, access } = useSession();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<RegisterValues>();
  const tenants = useQuery({
    queryKey: ['identity', 'tenants'],
    queryFn: () => call(api.GET('/api/identity/tenants')),
    enabled: open && access.canReadTenants && access.canSupervise,
    staleTime: 5 * 60_000,
  });
  const tenantOptions = (tenants.data ?? []).filter((x) => x.isActive).map((x) => ({ value: x.id, label: x.name }));

  const register = useMutation({
    mutationFn: (values: RegisterValues) =>
      call(api.POST('/api/deputies/deputies', { body: { ...personBody(values), seat: seatBody(values.seat, me.tenant.id) } })),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: deputiesKey });
      void message.success(t('registry.registered', { name: created.name }));
      form.resetFields();
      onClose();
    },
    onError: (error) => showError(error, form),
  });

  const submit = async () => {
    try {
      register.mutate(await form.validateFields());
    } catch {
      // the fields show what is wrong
    }
  };

  return (
    <Drawer
      open={open}
      title={t('registry.registerTitle')}
      onClose={onClose}
      size={screens.md ? 560 : '100%'}
      forceRender
      extra={
        <Button type="primary" loading={register.isPending} onClick={() => void submit()} data-testid="deputy-save">
          {t('registry.registerOk')}
        </Button>
      }
    >
      <Form<RegisterValues>
        form={form}
        layout="vertical"
        data-testid="deputy-form"
        initialValues={{ gender: 'Male', ethnicity: '汉族', seat: { tenantId: me.tenant.id, byElection: false } }}
      >
        <PersonFields />
        <Divider titlePlacement="start">{t('registry.seatSection')}</Divider>
        <SeatFields prefix={['seat']} tenantOptions={tenantOptions} />
      </Form>
    </Drawer>
  );
}

function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [report, setReport] = useState<{ detail: string; rows: ImportRowError[] }>();

  const template = async (format: 'Xlsx' | 'Csv') => {
    try {
      const blob = await call(api.GET('/api/deputies/deputies/import-template', { params: { query: { format } }, parseAs: 'blob' }));
      saveBlob(blob as Blob, format === 'Csv' ? '代表名册导入模板.csv' : '代表名册导入模板.xlsx');
    } catch (error) {
      showError(error);
    }
  };

  const upload = useMutation({
    mutationFn: async (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      const { data, error, response } = await api.POST('/api/deputies/deputies/import', {
        body: form as unknown as { file: string },
        bodySerializer: (body) => body as unknown as FormData,
      });
      if (data) return data;
      const rows = readImportRows(error);
      if (rows) return { report: { detail: (error as { detail?: string }).detail ?? t('registry.importFailed'), rows } };
      throw toApiError(response, error);
    },
    onSuccess: (result) => {
      if ('report' in result) {
        setReport(result.report);
        return;
      }
      setReport(undefined);
      void queryClient.invalidateQueries({ queryKey: deputiesKey });
      void message.success(t('registry.imported', { rows: result.rows, persons: result.personsCreated, seats: result.seatsAdded }));
      onClose();
    },
    onError: (error) => showError(error),
  });

  const downloadReport = () => {
    if (!report) return;
    const csv = reportCsv(report.rows, [t('registry.reportRow'), t('registry.reportColumn'), t('registry.reportMessage')]);
    saveBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), '代表名册导入错误报告.csv');
  };

  return (
    <Modal
      open={open}
      title={t('registry.importTitle')}
      onCancel={() => {
        setReport(undefined);
        onClose();
      }}
      footer={null}
      width={760}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('registry.importIntro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button icon={<DownloadOutlined />} onClick={() => void template('Xlsx')} data-testid="import-template-xlsx">
          {t('registry.templateXlsx')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => void template('Csv')} data-testid="import-template-csv">
          {t('registry.templateCsv')}
        </Button>
        <Upload
          accept=".xlsx,.csv"
          showUploadList={false}
          beforeUpload={(file) => {
            upload.mutate(file as File);
            return false;
          }}
        >
          <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending} data-testid="import-choose">
            {t('registry.chooseFile')}
          </Button>
        </Upload>
      </Space>
      {report ? (
        <div data-testid="import-report">
          <Alert
            type="error"
            showIcon
            title={t('registry.importFailed')}
            description={report.detail}
            action={
              <Button size="small" onClick={downloadReport} data-testid="import-report-download">
                {t('registry.downloadReport')}
              </Button>
            }
            style={{ marginBottom: 12 }}
          />
          <Table<ImportRowError>
            size="small"
            rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
            dataSource={report.rows}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('registry.reportRow'), dataIndex: 'row', key: 'row', width: 70 },
              { title: t('registry.reportColumn'), dataIndex: 'column', key: 'column', width: 120 },
              { title: t('registry.reportMessage'), dataIndex: 'message', key: 'message' },
            ]}
            footer={() => t('registry.reportBadRows', { count: badRowCount(report.rows) })}
          />
        </div>
      ) : null}
    </Modal>
  );
}

export default function DeputiesPage() {
  const { t } = useTranslation();
  const { access } = useSession();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const [registering, setRegistering] = useState(false);
  const [importing, setImporting] = useState(false);

  const deputies = useQuery({
    queryKey: [...deputiesKey, filter],
    queryFn: () =>
      call(
        api.GET('/api/deputies/deputies', {
          params: { query: listQuery(filter) },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  const groups = useQuery({
    queryKey: groupsKey,
    queryFn: () => call(api.GET('/api/deputies/groups')),
    enabled: access.canReadGroups,
  });

  const stations = useQuery({
    queryKey: ['stations', 'stations', 'for-filter'],
    queryFn: () => call(api.GET('/api/stations/stations')),
    enabled: access.canReadStations,
  });

  const go = (next: Partial<RegistryFilter>) => setParams(writeFilter({ ...filter, page: 1, ...next }));

  const columns: TableColumnsType<DeputyListItem> = [
    {
      title: t('registry.column.name'),
      key: 'name',
      fixed: 'left',
      render: (_, d) => <Link to={`/deputies/registry/${d.id}`}>{d.name}</Link>,
    },
    { title: t('registry.column.gender'), key: 'gender', render: (_, d) => t(`registry.gender.${d.gender}`) },
    { title: t('registry.column.party'), dataIndex: 'party', key: 'party' },
    { title: t('registry.column.seats'), key: 'seats', render: (_, d) => <SeatTags seats={d.seats} /> },
    { title: t('registry.column.workUnit'), key: 'workUnit', render: (_, d) => d.workUnit ?? '—' },
    { title: t('registry.column.mobile'), key: 'mobile', render: (_, d) => d.mobile ?? '—' },
    {
      title: t('registry.column.account'),
      key: 'account',
      render: (_, d) => (d.invited ? <Tag color="success">{t('registry.invited')}</Tag> : <Tag>{t('registry.notInvited')}</Tag>),
    },
    {
      title: t('registry.column.actions'),
      key: 'actions',
      render: (_, d) => <Link to={`/deputies/registry/${d.id}`}>{t('registry.view')}</Link>,
    },
  ];

  return (
    <Card
      title={t('registry.title')}
      extra={
        <Space wrap>
          {access.canUseExports ? <ExportButton source="deputies.deputies" filter={exportFilter(filter)} /> : null}
          {access.canImportDeputies ? (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="deputies-import">
              {t('registry.import')}
            </Button>
          ) : null}
          {access.canCreateDeputies ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)} data-testid="deputies-register">
              {t('registry.register')}
            </Button>
          ) : null}
        </Space>
      }
      data-testid="deputies-page"
    >
      <Typography.Paragraph type="secondary">{t('registry.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          key={filter.search ?? ''}
          defaultValue={filter.search}
          placeholder={t('registry.searchPlaceholder')}
          enterButton={t('registry.search')}
          allowClear
          maxLength={50}
          onSearch={(value) => go({ search: value.trim() || undefined })}
          style={{ width: 300, maxWidth: '100%' }}
          data-testid="deputies-search"
        />
        <Select
          allowClear
          placeholder={t('registry.allLevels')}
          value={filter.level}
          onChange={(level) => go({ level })}
          options={SEAT_LEVELS.map((l) => ({ value: l, label: t(`registry.level.${l}`) }))}
          style={{ width: 140 }}
          aria-label={t('registry.field.level')}
          data-testid="deputies-level"
        />
        <Select
          allowClear
          placeholder={t('registry.allStatuses')}
          value={filter.status}
          onChange={(status) => go({ status })}
          options={SEAT_STATUSES.map((s) => ({ value: s, label: t(`registry.status.${s}`) }))}
          style={{ width: 140 }}
          aria-label={t('registry.column.seats')}
          data-testid="deputies-status"
        />
        <InputNumber
          min={1}
          max={99}
          precision={0}
          placeholder={t('registry.termPlaceholder')}
          value={filter.term}
          onChange={(term) => go({ term: term ?? undefined })}
          style={{ width: 100 }}
          aria-label={t('registry.field.term')}
          data-testid="deputies-term"
        />
        {access.canReadGroups ? (
          <Select
            allowClear
            placeholder={t('registry.allGroups')}
            value={filter.groupId}
            onChange={(groupId) => go({ groupId })}
            options={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
            style={{ width: 180 }}
            aria-label={t('registry.field.group')}
            data-testid="deputies-group"
          />
        ) : null}
        {access.canReadStations ? (
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('registry.allStations')}
            value={filter.stationId}
            onChange={(stationId) => go({ stationId })}
            options={(stations.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            style={{ width: 200 }}
            aria-label={t('registry.field.station')}
            data-testid="deputies-station"
          />
        ) : null}
        <Space.Compact>
          <InputNumber
            min={0}
            precision={0}
            placeholder={t('registry.minPoints')}
            value={filter.minPoints}
            onChange={(minPoints) => go({ minPoints: minPoints ?? undefined })}
            style={{ width: 130 }}
            aria-label={t('registry.minPoints')}
            data-testid="deputies-min-points"
          />
          <InputNumber
            min={0}
            precision={0}
            placeholder={t('registry.maxPoints')}
            value={filter.maxPoints}
            onChange={(maxPoints) => go({ maxPoints: maxPoints ?? undefined })}
            style={{ width: 130 }}
            aria-label={t('registry.maxPoints')}
            data-testid="deputies-max-points"
          />
        </Space.Compact>
      </Space>
      {deputies.isError ? (
        <Typography.Paragraph type="danger" data-testid="deputies-error">
          {t('registry.loadFailed')}:{asApiError(deputies.error).message}
        </Typography.Paragraph>
      ) : null}
      <Table<DeputyListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={deputies.data?.items ?? []}
        loading={deputies.isFetching}
        scroll={{ x: 'max-content' }}
        data-testid="deputies-table"
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: deputies.data ? Number(deputies.data.total) : 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('registry.total', { total }),
          onChange: (page, size) => setParams(writeFilter({ ...filter, page: size !== filter.pageSize ? 1 : page, pageSize: size })),
        }}
      />
      {access.canCreateDeputies ? <RegisterDrawer open={registering} onClose={() => setRegistering(false)} /> : null}
      {access.canImportDeputies ? <ImportDialog open={importing} onClose={() => setImporting(false)} /> : null}
    </Card>
  );
}
