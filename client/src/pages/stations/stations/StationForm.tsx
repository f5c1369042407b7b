// The station drawer: create (staff) or edit (staff everything; a keeper the details of their own station — the tier,
// the parent and the keeper are then read-only, as the API keeps them). Staff pick the keeper's account.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Form, Grid, Input, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '@/api/client';
import { useShowError } from '@/components/useShowError';
import { parentOptions, STATION_KINDS, stationsKey, type Station, type StationKind } from './model';

interface Values {
  kind: StationKind;
  parentId?: string | null;
  name: string;
  community?: string;
  address: string;
  openingHours: string;
  keeperUserId?: string | null;
  keeperName?: string;
  liaisonName?: string;
  phone?: string;
}

export default function StationForm({
  open,
  station,
  detailsOnly = false,
  onClose,
  onSaved,
}: {
  open: boolean;
  station?: Station;
  /** A keeper's edit: only the details. */
  detailsOnly?: boolean;
  onClose: () => void;
  onSaved?: (station: Station) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? station?.kind ?? 'CommunityStation';
  const all = useQuery({
    queryKey: [...stationsKey, 'list', false],
    queryFn: () => call(api.GET('/api/stations/stations', { params: { query: { includeInactive: false } } })),
    enabled: open && !detailsOnly,
  });
  const parents = parentOptions(kind, all.data ?? [], station?.id).map((s) => ({ value: s.id, label: s.name }));
  // The keeper is picked from the accounts of the station's organisation (staff or station keepers): the link gives the
  // keeper's rights; a station kept by name only (older data) keeps its typed name until an account is picked.
  const candidates = useQuery({
    queryKey: [...stationsKey, 'keeper-candidates', station?.id ?? ''],
    queryFn: () => call(api.GET('/api/stations/stations/keeper-candidates', { params: { query: { stationId: station?.id } } })),
    enabled: open && !detailsOnly,
  });
  const keeperUserId = Form.useWatch('keeperUserId', form);
  const keeperOptions = (candidates.data ?? []).map((c) => ({
    value: c.userId,
    label: `${c.displayName}(${c.userName}${c.isStationKeeper ? ' · ' + t('stations.keeperRole') : ''})`,
  }));
  if (station?.keeperUserId && !keeperOptions.some((o) => o.value === station.keeperUserId))
    keeperOptions.push({ value: station.keeperUserId, label: station.keeperName ?? station.keeperUserId });

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (station)
      form.setFieldsValue({
        kind: station.kind,
        parentId: station.parentId,
        name: station.name,
        community: station.community ?? undefined,
        address: station.address,
        openingHours: station.openingHours,
        keeperUserId: station.keeperUserId ?? undefined,
        keeperName: station.keeperName ?? undefined,
        liaisonName: station.liaisonName ?? undefined,
        phone: station.phone ?? undefined,
      });
  }, [open, station, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        kind: v.kind,
        parentId: v.parentId ?? null,
        name: v.name,
        community: v.community || null,
        address: v.address,
        openingHours: v.openingHours,
        keeperUserId: detailsOnly ? (station?.keeperUserId ?? null) : (v.keeperUserId ?? null),
        keeperName: v.keeperName || null,
        liaisonName: v.liaisonName || null,
        phone: v.phone || null,
      };
      return station
        ? call(api.PUT('/api/stations/stations/{id}', { params: { path: { id: station.id } }, body: { ...body, version: station.version } }))
        : call(api.POST('/api/stations/stations', { body }));
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: stationsKey });
      void message.success(t('stations.saved', { name: saved.name }));
      onSaved?.(saved);
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
  const required = (label: string) => [{ required: true, whitespace: true, message: t('stations.required', { field: label }) }];

  return (
    <Drawer
      open={open}
      title={station ? t('stations.editTitle') : t('stations.createTitle')}
      onClose={onClose}
      size={screens.md ? 520 : '100%'}
      forceRender
      extra={
        <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="station-save">
          {t('stations.save')}
        </Button>
      }
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ kind: 'CommunityStation' }} data-testid="station-form">
        <Form.Item name="kind" label={t('stations.kind')} rules={[{ required: true }]}>
          <Select
            disabled={detailsOnly}
            options={STATION_KINDS.map((k) => ({ value: k, label: t(`stations.kinds.${k}`) }))}
            onChange={() => form.setFieldValue('parentId', null)}
            data-testid="station-kind"
          />
        </Form.Item>
        <Form.Item
          name="parentId"
          label={t('stations.parent')}
          extra={t('stations.parentHelp')}
          rules={[{ required: kind === 'LiaisonPoint', message: t('stations.parentRequired') }]}
        >
          <Select allowClear disabled={detailsOnly || kind === 'DeputiesHome'} options={parents} showSearch optionFilterProp="label" data-testid="station-parent" />
        </Form.Item>
        <Form.Item name="name" label={t('stations.name')} rules={required(t('stations.name'))}>
          <Input maxLength={100} data-testid="station-name" />
        </Form.Item>
        <Form.Item name="community" label={t('stations.community')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="address" label={t('stations.address')} rules={required(t('stations.address'))}>
          <Input maxLength={200} data-testid="station-address" />
        </Form.Item>
        <Form.Item name="openingHours" label={t('stations.hours')} rules={required(t('stations.hours'))} extra={t('stations.hoursHelp')}>
          <Input maxLength={200} data-testid="station-hours" />
        </Form.Item>
        <Form.Item name="keeperUserId" label={t('stations.keeperAccount')} extra={t('stations.keeperAccountHelp')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            disabled={detailsOnly}
            options={keeperOptions}
            loading={candidates.isLoading}
            data-testid="station-keeper-account"
            onChange={(id?: string) => {
              const picked = candidates.data?.find((c) => c.userId === id);
              if (picked) form.setFieldValue('keeperName', picked.displayName);
            }}
          />
        </Form.Item>
        <Form.Item name="keeperName" label={t('stations.keeper')}>
          <Input maxLength={50} disabled={detailsOnly || !!keeperUserId} data-testid="station-keeper-name" />
        </Form.Item>
        <Form.Item name="liaisonName" label={t('stations.liaison')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="phone" label={t('stations.phone')}>
          <Input maxLength={30} inputMode="tel" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
