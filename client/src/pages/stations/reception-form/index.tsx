// 新建/编辑集中接待: title and theme, date and time, the venues (stations of the tenant and/or an online channel) and the
// participants — the tenant's serving deputies, each at one venue (a station of the event, online, or dispersed in their
// own constituency). "添加全部在任代表" adds everyone at once, at their own station when it is a venue.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, Result, Select, Skeleton, Space, Table, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, call, type Schemas } from '@/api/client';
import { asApiError } from '@/api/problem';
import { useShowError } from '@/components/useShowError';
import { receptionKey, receptionsKey, type ReceptionEvent, type VenueKind } from '../receptions/model';

type Candidate = Schemas['ReceptionCandidateDto'];
type Station = Schemas['StationListItemDto'];

export interface PlannedParticipant {
  deputyId: string;
  name: string;
  venueKind: VenueKind;
  stationId: string | null;
}

interface Values {
  title: string;
  theme?: string;
  date: Dayjs;
  time: [Dayjs, Dayjs];
  stationIds: string[];
  onlineChannel?: string;
}

/** A venue as one select value: `station:<id>`, `online` or `dispersed`. */
export const venueValue = (p: Pick<PlannedParticipant, 'venueKind' | 'stationId'>) =>
  p.venueKind === 'Station' ? `station:${p.stationId}` : p.venueKind === 'Online' ? 'online' : 'dispersed';

export function fromVenueValue(value: string): Pick<PlannedParticipant, 'venueKind' | 'stationId'> {
  if (value.startsWith('station:')) return { venueKind: 'Station', stationId: value.slice('station:'.length) };
  return { venueKind: value === 'online' ? 'Online' : 'Dispersed', stationId: null };
}

/** Where a newly added deputy receives by default: their own station when it is a venue, else dispersed. */
export function defaultVenue(candidate: Candidate, stationIds: string[]): Pick<PlannedParticipant, 'venueKind' | 'stationId'> {
  const own = candidate.stationIds.find((s) => stationIds.includes(s));
  return own ? { venueKind: 'Station', stationId: own } : { venueKind: 'Dispersed', stationId: null };
}

/** Keeps every participant at a venue that still exists: a removed station or channel sends them to "dispersed". */
export function keepValid(participants: PlannedParticipant[], stationIds: string[], online: boolean): PlannedParticipant[] {
  return participants.map((p) =>
    (p.venueKind === 'Station' && !stationIds.includes(p.stationId ?? '')) || (p.venueKind === 'Online' && !online)
      ? { ...p, venueKind: 'Dispersed', stationId: null }
      : p,
  );
}

export default function ReceptionFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const existing = useQuery({
    queryKey: receptionKey(id ?? ''),
    queryFn: () => call(api.GET('/api/stations/reception-events/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
  if (id && existing.isPending) return <Skeleton active />;
  if (id && existing.isError) return <Result status="error" title={t('receptions.loadFailed')} subTitle={asApiError(existing.error).message} />;
  return <ReceptionForm key={id ?? 'new'} existing={id ? existing.data : undefined} />;
}

function ReceptionForm({ existing }: { existing?: ReceptionEvent }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [participants, setParticipants] = useState<PlannedParticipant[]>(
    existing?.participants.map((p) => ({ deputyId: p.deputyId, name: p.deputyName, venueKind: p.venueKind, stationId: p.stationId })) ?? [],
  );
  const [picked, setPicked] = useState<string[]>([]);
  const stationIds: string[] = Form.useWatch('stationIds', form) ?? existing?.venues.map((v) => v.stationId) ?? [];
  const online = !!(Form.useWatch('onlineChannel', form) ?? existing?.onlineChannel ?? '').trim();

  const stations = useQuery({ queryKey: ['stations', 'stations', 'active'], queryFn: () => call(api.GET('/api/stations/stations')) });
  const candidates = useQuery({
    queryKey: ['stations', 'reception-candidates'],
    queryFn: () => call(api.GET('/api/stations/reception-events/deputy-candidates')),
  });
  const stationName = useMemo(() => new Map((stations.data ?? []).map((s: Station) => [s.id, s.name])), [stations.data]);
  const open = (stations.data ?? []).filter((s: Station) => s.isActive);
  const valid = keepValid(participants, stationIds, online);

  const add = (list: Candidate[]) =>
    setParticipants((current) => [
      ...current,
      ...list.filter((c) => !current.some((p) => p.deputyId === c.deputyId)).map((c) => ({ deputyId: c.deputyId, name: c.name, ...defaultVenue(c, stationIds) })),
    ]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        title: v.title,
        theme: v.theme?.trim() || null,
        date: v.date.format('YYYY-MM-DD'),
        startTime: v.time[0].format('HH:mm:00'),
        endTime: v.time[1].format('HH:mm:00'),
        stationIds: v.stationIds ?? [],
        onlineChannel: v.onlineChannel?.trim() || null,
        participants: valid.map((p) => ({ deputyId: p.deputyId, venueKind: p.venueKind, stationId: p.stationId })),
      };
      return existing
        ? call(api.PUT('/api/stations/reception-events/{id}', { params: { path: { id: existing.id } }, body: { ...body, version: existing.version } }))
        : call(api.POST('/api/stations/reception-events', { body }));
    },
    onSuccess: (saved) => {
      void message.success(existing ? t('receptions.saved') : t('receptions.created'));
      void queryClient.invalidateQueries({ queryKey: receptionsKey });
      void navigate(`/stations/receptions/${saved.id}`);
    },
    onError: (error) => showError(error, form),
  });

  const venueOptions = [
    ...stationIds.map((s) => ({ value: `station:${s}`, label: stationName.get(s) ?? s })),
    ...(online ? [{ value: 'online', label: t('receptions.venueKinds.Online') }] : []),
    { value: 'dispersed', label: t('receptions.venueKinds.Dispersed') },
  ];

  return (
    <Card data-testid="reception-form">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {existing ? t('menu.stations.receptions.edit') : t('menu.stations.receptions.new')}
      </Typography.Title>
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ maxWidth: 960 }}
        initialValues={
          existing
            ? {
                title: existing.title,
                theme: existing.theme ?? undefined,
                date: dayjs(existing.date),
                time: [dayjs(`${existing.date}T${existing.startTime}`), dayjs(`${existing.date}T${existing.endTime}`)],
                stationIds: existing.venues.map((v) => v.stationId),
                onlineChannel: existing.onlineChannel ?? undefined,
              }
            : { stationIds: [] }
        }
        onFinish={(v) => (valid.length === 0 ? void message.error(t('receptions.needParticipants')) : save.mutate(v))}
      >
        <Form.Item name="title" label={t('receptions.name')} rules={[{ required: true, message: t('receptions.required') }]}>
          <Input maxLength={100} data-testid="reception-title" />
        </Form.Item>
        <Form.Item name="theme" label={t('receptions.theme')}>
          <Input maxLength={200} />
        </Form.Item>
        <Space wrap size={16}>
          <Form.Item name="date" label={t('receptions.date')} rules={[{ required: true, message: t('receptions.required') }]}>
            <DatePicker data-testid="reception-date" />
          </Form.Item>
          <Form.Item name="time" label={t('receptions.time')} rules={[{ required: true, message: t('receptions.required') }]}>
            <TimePicker.RangePicker format="HH:mm" minuteStep={5} data-testid="reception-time" />
          </Form.Item>
        </Space>
        <Form.Item name="stationIds" label={t('receptions.stations')}>
          <Select
            mode="multiple"
            loading={stations.isPending}
            optionFilterProp="label"
            options={open.map((s: Station) => ({ value: s.id, label: s.name }))}
            data-testid="reception-stations"
          />
        </Form.Item>
        <Form.Item name="onlineChannel" label={t('receptions.onlineChannel')} extra={t('receptions.onlineChannelHint')}>
          <Input maxLength={200} data-testid="reception-online" />
        </Form.Item>

        <Typography.Title level={5}>{t('receptions.participants')}</Typography.Title>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            mode="multiple"
            style={{ minWidth: 280 }}
            placeholder={t('receptions.pickDeputies')}
            aria-label={t('receptions.pickDeputies')}
            value={picked}
            onChange={setPicked}
            optionFilterProp="label"
            loading={candidates.isPending}
            options={(candidates.data ?? []).filter((c) => !participants.some((p) => p.deputyId === c.deputyId)).map((c) => ({ value: c.deputyId, label: c.name }))}
            data-testid="reception-pick"
          />
          <Button
            onClick={() => {
              add((candidates.data ?? []).filter((c) => picked.includes(c.deputyId)));
              setPicked([]);
            }}
            disabled={picked.length === 0}
            data-testid="reception-add"
          >
            {t('receptions.addDeputies')}
          </Button>
          <Button onClick={() => add(candidates.data ?? [])} disabled={!candidates.data?.length} data-testid="reception-add-all">
            {t('receptions.addAll')}
          </Button>
        </Space>
        <Table<PlannedParticipant>
          rowKey="deputyId"
          size="small"
          pagination={false}
          dataSource={valid}
          scroll={{ x: true }}
          locale={{ emptyText: t('receptions.noParticipants') }}
          data-testid="reception-participants"
          columns={[
            { title: t('receptions.deputy'), dataIndex: 'name' },
            {
              title: t('receptions.venue'),
              key: 'venue',
              render: (_, p) => (
                <Select
                  style={{ minWidth: 200 }}
                  value={venueValue(p)}
                  options={venueOptions}
                  aria-label={`${t('receptions.venue')} ${p.name}`}
                  onChange={(value: string) =>
                    setParticipants((current) => current.map((x) => (x.deputyId === p.deputyId ? { ...x, ...fromVenueValue(value) } : x)))
                  }
                  data-testid={`venue-${p.deputyId}`}
                />
              ),
            },
            {
              title: '',
              key: 'remove',
              render: (_, p) => (
                <Button size="small" type="link" danger onClick={() => setParticipants((current) => current.filter((x) => x.deputyId !== p.deputyId))}>
                  {t('receptions.remove')}
                </Button>
              ),
            },
          ]}
        />
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="reception-save">
            {t('receptions.save')}
          </Button>
          <Button onClick={() => void navigate(existing ? `/stations/receptions/${existing.id}` : '/stations/receptions')}>{t('receptions.back')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
