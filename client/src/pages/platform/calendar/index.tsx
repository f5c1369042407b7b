// 工作日历 (/system/calendar): the working-day calendar every deadline is counted on. A year view marks holidays (节假日)
// red and make-up workdays (调休上班) blue; the year's special days are listed; system administrators add, change and
// remove them (PUT/DELETE /api/platform/calendar/days/{date}); "N 个工作日后是哪天" asks GET …/working-days.
import { CalculatorOutlined, DeleteOutlined, EditOutlined, LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Radio,
  Row,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '@/api/client';
import { useSession } from '@/auth/me';
import ProblemResult from '@/components/ProblemResult';
import { useShowError } from '@/components/useShowError';
import { inRange, isValidDate, isWeekend, MAX_DAYS, MAX_YEAR, MIN_YEAR, monthWeeks, NAME_MAX, weekdayIndex } from './days';

type SpecialDay = Schemas['SpecialDayDto'];
type Kind = SpecialDay['kind'];
type Answer = Schemas['WorkingDaysDto'];

const yearKey = (year: number) => ['platform', 'calendar', year] as const;

export const KIND_COLOR: Record<Kind, string> = { Holiday: 'red', MakeUpWorkday: 'blue' };
const CELL_STYLE: Record<Kind, React.CSSProperties> = {
  Holiday: { background: '#fff1f0', color: '#a8071a', fontWeight: 600 },
  MakeUpWorkday: { background: '#e6f4ff', color: '#003eb3', fontWeight: 600 },
};

function useWeekday() {
  const { t } = useTranslation();
  return (date: string) => t(`calendar.weekdays.${weekdayIndex(date)}`);
}

function KindTag({ kind }: { kind: Kind }) {
  const { t } = useTranslation();
  return <Tag color={KIND_COLOR[kind]}>{t(`calendar.kinds.${kind}`)}</Tag>;
}

function Month({ year, month, days, onPick }: { year: number; month: number; days: Map<string, SpecialDay>; onPick?: (date: string) => void }) {
  const { t } = useTranslation();
  const weekday = useWeekday();
  return (
    <div data-testid={`month-${month}`}>
      <Typography.Text strong>{t('calendar.month', { month })}</Typography.Text>
      <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed', textAlign: 'center', fontSize: 12 }}>
        <thead>
          <tr>
            {[0, 1, 2, 3, 4, 5, 6].map((i) => (
              <th key={i} scope="col" style={{ fontWeight: 400, color: '#595959' }}>
                {t(`calendar.weekdaysShort.${i}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(year, month).map((week, w) => (
            <tr key={w}>
              {week.map((date, i) => {
                if (!date) return <td key={i} />;
                const special = days.get(date);
                // The accessible name starts with the visible day number (WCAG 2.5.3), then says which day it is.
                const dayNumber = Number(date.slice(8));
                const description = special
                  ? `${date} ${weekday(date)} ${special.name}(${t(`calendar.kinds.${special.kind}`)})`
                  : `${date} ${weekday(date)}`;
                const label = `${dayNumber} ${description}`;
                const style: React.CSSProperties = {
                  padding: '2px 0',
                  borderRadius: 4,
                  cursor: onPick ? 'pointer' : undefined,
                  color: isWeekend(date) ? '#595959' : undefined,
                  ...(special ? CELL_STYLE[special.kind] : {}),
                };
                return (
                  <td
                    key={date}
                    data-testid={`day-${date}`}
                    data-kind={special?.kind ?? (isWeekend(date) ? 'Weekend' : 'Workday')}
                    title={description}
                    aria-label={label}
                    style={style}
                    onClick={onPick ? () => onPick(date) : undefined}
                    role={onPick ? 'button' : undefined}
                    tabIndex={onPick ? 0 : undefined}
                    onKeyDown={onPick ? (e) => (e.key === 'Enter' || e.key === ' ') && onPick(date) : undefined}
                  >
                    {dayNumber}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface DayValues {
  date: string;
  kind: Kind;
  name: string;
}

function DayModal({ initial, existing, onClose }: { initial: Partial<DayValues>; existing: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DayValues>();
  const save = useMutation({
    mutationFn: (values: DayValues) =>
      call(
        api.PUT('/api/platform/calendar/days/{date}', {
          params: { path: { date: values.date } },
          body: { kind: values.kind, name: values.name.trim() },
        }),
      ),
    onSuccess: (saved) => {
      void message.success(t('calendar.saved', { date: saved.date, name: saved.name }));
      void queryClient.invalidateQueries({ queryKey: ['platform', 'calendar'] });
      onClose();
    },
    onError: (error) => showError(error, form),
  });
  return (
    <Modal open title={existing ? t('calendar.editTitle') : t('calendar.addTitle')} onCancel={onClose} footer={null} destroyOnHidden mask={{ closable: false }}>
      <Form<DayValues> form={form} layout="vertical" data-testid="day-form" initialValues={{ kind: 'Holiday', ...initial }} onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="date"
          label={t('calendar.date')}
          dependencies={['kind']}
          rules={[
            { required: true, message: t('calendar.dateRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) => {
                if (!value) return Promise.resolve();
                if (!isValidDate(value) || !inRange(value)) return Promise.reject(new Error(t('calendar.dateRange', { min: MIN_YEAR, max: MAX_YEAR })));
                if (getFieldValue('kind') === 'MakeUpWorkday' && !isWeekend(value)) return Promise.reject(new Error(t('calendar.makeUpWeekend')));
                return Promise.resolve();
              },
            }),
          ]}
        >
          <Input type="date" disabled={existing} data-testid="day-date" />
        </Form.Item>
        <Form.Item name="kind" label={t('calendar.kind')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'Holiday', label: t('calendar.kinds.Holiday') },
              { value: 'MakeUpWorkday', label: t('calendar.kinds.MakeUpWorkday') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('calendar.name')}
          extra={t('calendar.nameHint')}
          rules={[
            { required: true, whitespace: true, message: t('calendar.nameRequired') },
            { max: NAME_MAX, message: t('calendar.nameMax', { max: NAME_MAX }) },
          ]}
        >
          <Input maxLength={NAME_MAX + 10} data-testid="day-name" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="day-save">
            {t('common.save')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}

interface CalcValues {
  from: string;
  days: number;
}

function Calculator({ defaultFrom }: { defaultFrom: string }) {
  const { t } = useTranslation();
  const weekday = useWeekday();
  const showError = useShowError();
  const [form] = Form.useForm<CalcValues>();
  const [answer, setAnswer] = useState<Answer>();
  const ask = useMutation({
    mutationFn: (values: CalcValues) =>
      call(api.GET('/api/platform/calendar/working-days', { params: { query: { from: values.from, days: values.days } } })),
    onSuccess: setAnswer,
    onError: (error) => {
      setAnswer(undefined);
      showError(error, form);
    },
  });
  return (
    <Card size="small" title={<><CalculatorOutlined /> {t('calendar.calcTitle')}</>} data-testid="calculator">
      <Typography.Paragraph type="secondary">{t('calendar.calcHint')}</Typography.Paragraph>
      <Form<CalcValues> form={form} layout="inline" initialValues={{ from: defaultFrom, days: 15 }} onFinish={(v) => ask.mutate(v)}>
        <Form.Item
          name="from"
          label={t('calendar.from')}
          rules={[
            { required: true, message: t('calendar.dateRequired') },
            {
              validator: (_, value: string | undefined) =>
                !value || (isValidDate(value) && inRange(value))
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('calendar.dateRange', { min: MIN_YEAR, max: MAX_YEAR }))),
            },
          ]}
        >
          <Input type="date" data-testid="calc-from" />
        </Form.Item>
        <Form.Item
          name="days"
          label={t('calendar.days')}
          rules={[{ required: true, type: 'integer', min: 0, max: MAX_DAYS, message: t('calendar.daysRange', { max: MAX_DAYS }) }]}
        >
          <InputNumber precision={0} data-testid="calc-days" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={ask.isPending} data-testid="calc-submit">
            {t('calendar.calculate')}
          </Button>
        </Form.Item>
      </Form>
      {answer ? (
        <div data-testid="calc-result" style={{ marginTop: 16 }}>
          <Typography.Paragraph strong>
            {t('calendar.result', { from: answer.from, days: answer.days, date: answer.date, weekday: weekday(answer.date) })}
          </Typography.Paragraph>
          {answer.specialDays.length > 0 ? (
            <Typography.Paragraph type="secondary">
              {t('calendar.resultSpecial')}
              {answer.specialDays.map((d) => (
                <Tag key={d.date} color={KIND_COLOR[d.kind]} style={{ marginBottom: 4 }}>
                  {d.date.slice(5)} {d.name}
                </Tag>
              ))}
            </Typography.Paragraph>
          ) : null}
          {answer.note ? <Alert type="warning" showIcon title={answer.note} /> : null}
        </div>
      ) : null}
    </Card>
  );
}

export default function CalendarPage() {
  const { t } = useTranslation();
  const { access } = useSession();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const weekday = useWeekday();
  const [year, setYear] = useState(() => dayjs().year());
  const [editing, setEditing] = useState<{ initial: Partial<DayValues>; existing: boolean }>();
  const manage = access.canManageCalendar;

  const calendar = useQuery({
    queryKey: yearKey(year),
    queryFn: () => call(api.GET('/api/platform/calendar/{year}', { params: { path: { year } } })),
  });
  const remove = useMutation({
    mutationFn: (day: SpecialDay) => call(api.DELETE('/api/platform/calendar/days/{date}', { params: { path: { date: day.date } } })),
    onSuccess: (_, day) => {
      void message.success(t('calendar.deleted', { date: day.date }));
      void queryClient.invalidateQueries({ queryKey: ['platform', 'calendar'] });
    },
    onError: (error) => showError(error),
  });
  const days = useMemo(() => new Map((calendar.data?.days ?? []).map((d) => [d.date, d])), [calendar.data]);

  if (calendar.isError && !calendar.data) return <ProblemResult error={calendar.error} onRetry={() => void calendar.refetch()} />;

  const open = (date: string) => {
    const day = days.get(date);
    setEditing(day ? { initial: day, existing: true } : { initial: { date, kind: isWeekend(date) ? 'MakeUpWorkday' : 'Holiday' }, existing: false });
  };
  const columns: TableColumnsType<SpecialDay> = [
    { title: t('calendar.date'), dataIndex: 'date', key: 'date', render: (date: string) => `${date} ${weekday(date)}` },
    { title: t('calendar.kind'), dataIndex: 'kind', key: 'kind', render: (kind: Kind) => <KindTag kind={kind} /> },
    { title: t('calendar.name'), dataIndex: 'name', key: 'name' },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, day: SpecialDay) => (
              <Space size={0}>
                <Button type="link" size="small" icon={<EditOutlined />} data-testid={`edit-${day.date}`} onClick={() => setEditing({ initial: day, existing: true })}>
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={t('calendar.deleteConfirm', { date: day.date, name: day.name })}
                  okText={t('calendar.delete')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => remove.mutateAsync(day).catch(() => undefined)}
                >
                  <Button type="link" size="small" danger icon={<DeleteOutlined />} data-testid={`delete-${day.date}`}>
                    {t('calendar.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="calendar-page">
      <Card
        title={t('calendar.title')}
        extra={
          <Space wrap>
            <Button icon={<LeftOutlined />} aria-label={t('calendar.previousYear')} onClick={() => setYear((y) => Math.max(MIN_YEAR, y - 1))} />
            <Typography.Text strong data-testid="calendar-year">
              {t('calendar.year', { year })}
            </Typography.Text>
            <Button icon={<RightOutlined />} aria-label={t('calendar.nextYear')} onClick={() => setYear((y) => Math.min(MAX_YEAR, y + 1))} />
            {manage ? (
              <Button type="primary" icon={<PlusOutlined />} data-testid="add-day" onClick={() => setEditing({ initial: { kind: 'Holiday' }, existing: false })}>
                {t('calendar.add')}
              </Button>
            ) : null}
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t('calendar.intro')}</Typography.Paragraph>
        <Space wrap style={{ marginBottom: 12 }}>
          <KindTag kind="Holiday" />
          <KindTag kind="MakeUpWorkday" />
          {manage ? <Typography.Text type="secondary">{t('calendar.clickHint')}</Typography.Text> : null}
        </Space>
        {calendar.data && !calendar.data.covered ? (
          <Alert type="warning" showIcon title={calendar.data.note} style={{ marginBottom: 12 }} data-testid="not-covered" />
        ) : null}
        <Row gutter={[16, 16]}>
          {Array.from({ length: 12 }, (_, i) => (
            <Col key={i} xs={24} sm={12} md={8} xl={6}>
              <Month year={year} month={i + 1} days={days} onPick={manage ? open : undefined} />
            </Col>
          ))}
        </Row>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('calendar.listTitle', { year })}>
            <Table<SpecialDay>
              data-testid="special-days"
              rowKey="date"
              size="small"
              loading={calendar.isPending}
              dataSource={calendar.data?.days ?? []}
              columns={columns}
              pagination={{ pageSize: 15, hideOnSinglePage: true }}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('calendar.empty') }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Calculator defaultFrom={dayjs().format('YYYY-MM-DD')} />
        </Col>
      </Row>
      {editing ? <DayModal initial={editing.initial} existing={editing.existing} onClose={() => setEditing(undefined)} /> : null}
    </Space>
  );
}
