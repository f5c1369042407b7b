// What the registry's pages share: seat tags, the person form's fields and rules.
import { DatePicker, Form, Input, InputNumber, Select, Space, Switch, Tag, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { SEAT_LEVELS, termName, type Seat } from './registry';

export function SeatTags({ seats }: { seats: Seat[] }) {
  const { t } = useTranslation();
  if (seats.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space orientation="vertical" size={2}>
      {seats.map((s) => (
        <span key={s.id}>
          <Tag color={s.status === 'Serving' ? 'processing' : 'default'}>
            {t(`registry.level.${s.level}`)} · {termName(Number(s.term))}
          </Tag>
          {s.byElection ? <Tag color="default">{t('registry.byElection')}</Tag> : null}
          {s.status !== 'Serving' ? <Tag color="warning">{t(`registry.status.${s.status}`)}</Tag> : null}
          <Typography.Text type="secondary">{s.tenantName}</Typography.Text>
        </span>
      ))}
    </Space>
  );
}

export interface PersonValues {
  name: string;
  gender: 'Male' | 'Female';
  ethnicity?: string;
  birthYear?: number | null;
  party: string;
  education?: string;
  occupation?: string;
  workUnit?: string;
  mobile: string;
  email?: string;
}

export interface SeatValues {
  level: Seat['level'];
  term: number;
  constituency: string;
  electedOn: Dayjs;
  byElection?: boolean;
  tenantId?: string;
}

export const optional = (value: string | undefined | null) => (value && value.trim().length > 0 ? value.trim() : null);

export function usePersonRules() {
  const { t } = useTranslation();
  const rules: Record<string, Rule[]> = {
    name: [{ required: true, whitespace: true, message: t('registry.rule.nameRequired') }],
    gender: [{ required: true, message: t('registry.rule.genderRequired') }],
    party: [{ required: true, whitespace: true, message: t('registry.rule.partyRequired') }],
    mobile: [{ required: true, pattern: /^1[3-9]\d{9}$/, message: t('registry.rule.mobileInvalid') }],
    email: [{ type: 'email', message: t('registry.rule.emailInvalid') }],
    level: [{ required: true, message: t('registry.rule.levelRequired') }],
    term: [{ required: true, type: 'integer', min: 1, max: 99, message: t('registry.rule.termRequired') }],
    constituency: [{ required: true, whitespace: true, message: t('registry.rule.constituencyRequired') }],
    electedOn: [{ required: true, message: t('registry.rule.electedOnRequired') }],
  };
  return rules;
}

/** The person's fields (register and edit). */
export function PersonFields() {
  const { t } = useTranslation();
  const rules = usePersonRules();
  return (
    <>
      <Form.Item name="name" label={t('registry.field.name')} rules={rules.name}>
        <Input maxLength={50} autoComplete="off" />
      </Form.Item>
      <Form.Item name="gender" label={t('registry.field.gender')} rules={rules.gender}>
        <Select options={(['Male', 'Female'] as const).map((g) => ({ value: g, label: t(`registry.gender.${g}`) }))} />
      </Form.Item>
      <Form.Item name="mobile" label={t('registry.field.mobile')} rules={rules.mobile} extra={t('registry.field.mobileHelp')}>
        <Input inputMode="tel" maxLength={11} autoComplete="off" />
      </Form.Item>
      <Form.Item name="party" label={t('registry.field.party')} rules={rules.party}>
        <Input maxLength={50} placeholder={t('registry.field.partyPlaceholder')} />
      </Form.Item>
      <Form.Item name="ethnicity" label={t('registry.field.ethnicity')}>
        <Input maxLength={20} placeholder="汉族" />
      </Form.Item>
      <Form.Item name="birthYear" label={t('registry.field.birthYear')}>
        <InputNumber min={1920} max={2010} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="education" label={t('registry.field.education')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="occupation" label={t('registry.field.occupation')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="workUnit" label={t('registry.field.workUnit')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="email" label={t('registry.field.email')} rules={rules.email}>
        <Input type="email" maxLength={200} autoComplete="off" />
      </Form.Item>
    </>
  );
}

/** A seat's fields (register and add seat); `prefix` nests them (['seat', …]) in the register form. */
export function SeatFields({ prefix = [], tenantOptions }: { prefix?: string[]; tenantOptions?: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const rules = usePersonRules();
  const name = (field: string) => [...prefix, field];
  return (
    <>
      {tenantOptions && tenantOptions.length > 1 ? (
        <Form.Item name={name('tenantId')} label={t('registry.field.tenant')}>
          <Select options={tenantOptions} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      ) : null}
      <Form.Item name={name('level')} label={t('registry.field.level')} rules={rules.level}>
        <Select options={SEAT_LEVELS.map((l) => ({ value: l, label: t(`registry.level.${l}`) }))} />
      </Form.Item>
      <Form.Item name={name('term')} label={t('registry.field.term')} rules={rules.term}>
        <InputNumber min={1} max={99} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name={name('constituency')} label={t('registry.field.constituency')} rules={rules.constituency}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name={name('electedOn')} label={t('registry.field.electedOn')} rules={rules.electedOn}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name={name('byElection')} label={t('registry.field.byElection')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </>
  );
}

export function personBody(values: PersonValues) {
  return {
    name: values.name.trim(),
    gender: values.gender,
    ethnicity: optional(values.ethnicity),
    birthYear: values.birthYear ?? null,
    party: values.party.trim(),
    education: optional(values.education),
    occupation: optional(values.occupation),
    workUnit: optional(values.workUnit),
    mobile: values.mobile.trim(),
    email: optional(values.email),
  };
}

export function seatBody(values: SeatValues, activeTenantId: string) {
  return {
    level: values.level,
    term: values.term,
    constituency: values.constituency.trim(),
    electedOn: values.electedOn.format('YYYY-MM-DD'),
    byElection: !!values.byElection,
    tenantId: values.tenantId && values.tenantId !== activeTenantId ? values.tenantId : null,
  };
}
