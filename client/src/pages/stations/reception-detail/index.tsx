// 集中接待详情: the event, its venues, the totals, and the attendance sheet — one row per deputy: attended (voters received,
// opinions gathered) / leave with a reason / absent. Staff save the sheet, then close the event: every deputy's record
// goes to their duty archive (履职档案). Phone-friendly: the sheet scrolls sideways and the inputs are full-size.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Alert, Button, Card, Descriptions, Input, InputNumber, Popconfirm, Radio, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call, type Schemas } from '@/api/client';
import { asApiError } from '@/api/problem';
import { useSession } from '@/auth/me';
import { useShowError } from '@/components/useShowError';
import { beijingToday } from '@/pages/deputies/shared';
import { ATTENDANCE_COLOR, receptionKey, receptionsKey, STATUS_COLOR, when, type Attendance, type ReceptionEvent } from '../receptions/model';

type Participant = Schemas['ReceptionParticipantDto'];
type Entry = Schemas['ReceptionAttendanceEntryBody'];
const MARKS: Attendance[] = ['Attended', 'Leave', 'Absent'];

/** The sheet's rows with the unsaved edits applied. */
export function applyEdits(participants: Participant[], edits: Record<string, Entry>): Participant[] {
  return participants.map((p) => (edits[p.id] ? { ...p, ...edits[p.id], leaveReason: edits[p.id].leaveReason ?? null } : p));
}

/** Whether staff may close: planned, held (today or before, Beijing date), every row marked and nothing unsaved. */
export function canClose(event: Pick<ReceptionEvent, 'status' | 'date' | 'participants'>, unsaved: number, today: string): boolean {
  return event.status === 'Planned' && event.date <= today && unsaved === 0 && event.participants.every((p) => p.attendance !== 'Pending');
}

export default function ReceptionDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const event = useQuery({
    queryKey: receptionKey(id),
    queryFn: () => call(api.GET('/api/stations/reception-events/{id}', { params: { path: { id } } })),
  });
  if (event.isPending) return <Skeleton active />;
  if (event.isError) return <Result status="error" title={t('receptions.loadFailed')} subTitle={asApiError(event.error).message} />;
  return <Detail event={event.data} />;
}

function Detail({ event }: { event: ReceptionEvent }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { access } = useSession();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [edits, setEdits] = useState<Record<string, Entry>>({});
  const editable = access.canManageReceptions && event.status === 'Planned';
  const today = beijingToday();
  const held = event.date <= today;
  const rows = applyEdits(event.participants, edits);
  const pending = rows.filter((p) => p.attendance === 'Pending').length;

  const refresh = (saved: ReceptionEvent) => {
    queryClient.setQueryData(receptionKey(event.id), saved);
    void queryClient.invalidateQueries({ queryKey: receptionsKey });
  };
  const saveSheet = useMutation({
    mutationFn: () =>
      call(api.PUT('/api/stations/reception-events/{id}/attendance', { params: { path: { id: event.id } }, body: { entries: Object.values(edits) } })),
    onSuccess: (saved) => {
      setEdits({});
      refresh(saved);
      void message.success(t('receptions.attendanceSaved'));
    },
    onError: (error) => showError(error),
  });
  const close = useMutation({
    mutationFn: () => call(api.POST('/api/stations/reception-events/{id}/close', { params: { path: { id: event.id } } })),
    onSuccess: (saved) => {
      refresh(saved);
      void message.success(t('receptions.closed'));
    },
    onError: (error) => showError(error),
  });
  const cancel = useMutation({
    mutationFn: () => call(api.POST('/api/stations/reception-events/{id}/cancel', { params: { path: { id: event.id } } })),
    onSuccess: (saved) => {
      refresh(saved);
      void message.success(t('receptions.cancelled'));
    },
    onError: (error) => showError(error),
  });

  const edit = (p: Participant, change: Partial<Entry>) =>
    setEdits((current) => {
      const base: Entry = current[p.id] ?? {
        participantId: p.id,
        attendance: p.attendance,
        leaveReason: p.leaveReason,
        votersReceived: p.votersReceived,
        opinionsGathered: p.opinionsGathered,
      };
      return { ...current, [p.id]: { ...base, ...change } };
    });
  // Attended and absent are marked from the event's day on; leave may be recorded ahead.
  const marks = held ? MARKS : (['Leave'] as Attendance[]);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="reception-detail">
      <Card>
        <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap' }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {event.title} <Tag color={STATUS_COLOR[event.status]}>{t(`receptions.statuses.${event.status}`)}</Tag>
          </Typography.Title>
          <Space wrap>
            <Link to="/stations/receptions">{t('receptions.back')}</Link>
            {editable ? (
              <>
                <Link to={`/stations/receptions/${event.id}/edit`}>
                  <Button>{t('receptions.edit')}</Button>
                </Link>
                <Popconfirm title={t('receptions.cancelConfirm')} onConfirm={() => cancel.mutate()}>
                  <Button danger loading={cancel.isPending}>
                    {t('receptions.cancel')}
                  </Button>
                </Popconfirm>
              </>
            ) : null}
          </Space>
        </Space>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small" style={{ marginTop: 12 }}>
          <Descriptions.Item label={t('receptions.time')}>{when(event)}</Descriptions.Item>
          {event.theme ? <Descriptions.Item label={t('receptions.theme')}>{event.theme}</Descriptions.Item> : null}
          <Descriptions.Item label={t('receptions.stations')}>
            <Space size={4} wrap>
              {event.venues.map((v) => (
                <Tag key={v.stationId}>{v.stationName}</Tag>
              ))}
            </Space>
          </Descriptions.Item>
          {event.onlineChannel ? <Descriptions.Item label={t('receptions.onlineChannel')}>{event.onlineChannel}</Descriptions.Item> : null}
        </Descriptions>
        <Typography.Paragraph data-testid="reception-totals" style={{ marginBottom: 0 }}>
          {t('receptions.totals', {
            attended: Number(event.attendedCount),
            online: Number(event.onlineAttendedCount),
            leave: Number(event.leaveCount),
            voters: Number(event.votersReceived),
            opinions: Number(event.opinionsGathered),
          })}
        </Typography.Paragraph>
        {event.closedByName && event.closedAtUtc ? (
          <Typography.Text type="secondary">
            {t('receptions.closedBy', { name: event.closedByName, at: new Date(event.closedAtUtc).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) })}
          </Typography.Text>
        ) : null}
      </Card>
      <Card title={t('receptions.attendanceSheet')}>
        {editable && pending > 0 ? <Alert type="info" showIcon title={t('receptions.pendingHint', { count: pending })} style={{ marginBottom: 12 }} /> : null}
        <Table<Participant>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={rows}
          scroll={{ x: true }}
          data-testid="reception-sheet"
          columns={[
            { title: t('receptions.deputy'), dataIndex: 'deputyName' },
            {
              title: t('receptions.venue'),
              key: 'venue',
              render: (_, p) => (p.venueKind === 'Station' ? p.venueName : t(`receptions.venueKinds.${p.venueKind}`)),
            },
            {
              title: t('receptions.attendance'),
              key: 'attendance',
              render: (_, p) =>
                editable ? (
                  // Radio buttons, not Segmented: an unmarked row must show no choice (Segmented would show the first).
                  <Radio.Group
                    optionType="button"
                    buttonStyle="solid"
                    value={p.attendance === 'Pending' ? null : p.attendance}
                    options={marks.map((m) => ({ value: m, label: t(`receptions.attendances.${m}`) }))}
                    onChange={(e) => edit(p, { attendance: e.target.value as Attendance })}
                    aria-label={`${t('receptions.attendance')} ${p.deputyName}`}
                    data-testid={`attendance-${p.deputyId}`}
                  />
                ) : (
                  <Tag color={ATTENDANCE_COLOR[p.attendance]}>{t(`receptions.attendances.${p.attendance}`)}</Tag>
                ),
            },
            {
              title: t('receptions.leaveReason'),
              key: 'reason',
              render: (_, p) =>
                editable && p.attendance === 'Leave' ? (
                  <Input
                    value={p.leaveReason ?? ''}
                    maxLength={200}
                    placeholder={t('receptions.leaveReason')}
                    aria-label={`${t('receptions.leaveReason')} ${p.deputyName}`}
                    onChange={(e) => edit(p, { leaveReason: e.target.value })}
                    data-testid={`reason-${p.deputyId}`}
                  />
                ) : (
                  p.leaveReason
                ),
            },
            {
              title: t('receptions.votersReceived'),
              key: 'voters',
              render: (_, p) =>
                editable && p.attendance === 'Attended' ? (
                  <InputNumber
                    min={0}
                    max={10000}
                    value={p.votersReceived}
                    aria-label={`${t('receptions.votersReceived')} ${p.deputyName}`}
                    onChange={(v) => edit(p, { votersReceived: v ?? null })} />
                ) : (
                  p.votersReceived
                ),
            },
            {
              title: t('receptions.opinionsGathered'),
              key: 'opinions',
              render: (_, p) =>
                editable && p.attendance === 'Attended' ? (
                  <InputNumber
                    min={0}
                    max={10000}
                    value={p.opinionsGathered}
                    aria-label={`${t('receptions.opinionsGathered')} ${p.deputyName}`}
                    onChange={(v) => edit(p, { opinionsGathered: v ?? null })} />
                ) : (
                  p.opinionsGathered
                ),
            },
          ]}
        />
        {editable ? (
          <Space wrap style={{ marginTop: 16 }}>
            <Button onClick={() => saveSheet.mutate()} disabled={Object.keys(edits).length === 0} loading={saveSheet.isPending} data-testid="reception-save-sheet">
              {t('receptions.saveAttendance')}
            </Button>
            <Popconfirm title={t('receptions.closeConfirm')} onConfirm={() => close.mutate()} disabled={!canClose(event, Object.keys(edits).length, today)}>
              <Button type="primary" disabled={!canClose(event, Object.keys(edits).length, today)} loading={close.isPending} data-testid="reception-close">
                {t('receptions.close')}
              </Button>
            </Popconfirm>
          </Space>
        ) : null}
      </Card>
    </Space>
  );
}
