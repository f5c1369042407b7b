// 履职积分办法: the active tenant's policy per year — the rules (points per record and a cap per quarter), its revision
// history, and next year's policy made from it. A year that has ended is final (its rankings never change).
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Form, InputNumber, List, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '@/api/client';
import { asApiError } from '@/api/problem';
import { useSession } from '@/auth/me';
import { formatDateTime } from '@/components/format';
import { isConcurrencyError } from '@/components/formErrors';
import { useShowError } from '@/components/useShowError';
import { useKindOptions, type DutyKind } from '../shared';

type Policy = Schemas['PointsPolicyDto'];
interface RuleValues {
  kind: DutyKind;
  points: number;
  quarterCap?: number | null;
}
const policiesKey = ['deputies', 'points-policies'] as const;

function Revisions({ policy }: { policy: Policy }) {
  const { t } = useTranslation();
  const revisions = useQuery({
    queryKey: [...policiesKey, policy.id, 'revisions', policy.revision],
    queryFn: () => call(api.GET('/api/deputies/points-policies/{id}/revisions', { params: { path: { id: policy.id } } })),
  });
  return (
    <List
      data-testid="policy-revisions"
      loading={revisions.isPending}
      dataSource={revisions.data ?? []}
      renderItem={(r) => (
        <List.Item>
          <List.Item.Meta
            title={`${t('deputies.policies.revision', { revision: Number(r.revision) })} · ${formatDateTime(r.savedAtUtc)}`}
            description={r.rules
              .map((x) => `${t(`deputies.dutyKind.${x.kind}`)} ${Number(x.points)}${x.quarterCap === null ? '' : `/≤${Number(x.quarterCap)}`}`)
              .join(';')}
          />
        </List.Item>
      )}
    />
  );
}

function PolicyEditor({ policy }: { policy: Policy }) {
  const { t } = useTranslation();
  const { access } = useSession();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const kindOptions = useKindOptions();
  const [form] = Form.useForm<{ rules: RuleValues[] }>();
  const editable = access.canUpdatePointsPolicies && !policy.closed;
  const save = useMutation({
    mutationFn: (v: { rules: RuleValues[] }) =>
      call(
        api.PUT('/api/deputies/points-policies/{id}/rules', {
          params: { path: { id: policy.id } },
          body: { rules: v.rules.map((r) => ({ kind: r.kind, points: r.points, quarterCap: r.quarterCap ?? null })), version: policy.version },
        }),
      ),
    onSuccess: (saved) => {
      void message.success(t('deputies.policies.saved', { revision: Number(saved.revision) }));
      void queryClient.invalidateQueries({ queryKey: policiesKey });
      void queryClient.invalidateQueries({ queryKey: ['deputies', 'rankings'] });
    },
    onError: (error) => {
      showError(error, form);
      if (isConcurrencyError(error)) void queryClient.invalidateQueries({ queryKey: policiesKey });
    },
  });
  const next = useMutation({
    mutationFn: () => call(api.POST('/api/deputies/points-policies/{id}/next-year', { params: { path: { id: policy.id } } })),
    onSuccess: (made) => {
      void message.success(t('deputies.policies.nextYearDone', { year: Number(made.year) }));
      void queryClient.invalidateQueries({ queryKey: policiesKey });
    },
    onError: (error) => showError(error),
  });
  const rules = policy.rules.map((r) => ({ kind: r.kind, points: Number(r.points), quarterCap: r.quarterCap === null ? null : Number(r.quarterCap) }));
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <Tag color="blue">{t('deputies.policies.revision', { revision: Number(policy.revision) })}</Tag>
        {policy.closed ? <Tag>{t('deputies.policies.closed')}</Tag> : null}
        <Typography.Text type="secondary">{formatDateTime(policy.updatedAtUtc)}</Typography.Text>
        {access.canUpdatePointsPolicies ? (
          <Button onClick={() => next.mutate()} loading={next.isPending} data-testid="policy-next-year">
            {t('deputies.policies.nextYear')}
          </Button>
        ) : null}
      </Space>
      {editable ? (
        <Form key={`${policy.id}-${policy.revision}`} form={form} data-testid="policy-form" initialValues={{ rules }} onFinish={(v) => save.mutate(v)}>
          <Form.List name="rules">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} wrap align="baseline">
                    <Form.Item name={[field.name, 'kind']} rules={[{ required: true }]}>
                      <Select options={kindOptions} style={{ width: 140 }} aria-label={t('deputies.archive.kind')} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'points']} rules={[{ required: true }]}>
                      <InputNumber min={0} max={100} precision={0} prefix={t('deputies.policies.pointsPer')} aria-label={t('deputies.policies.pointsPer')} style={{ width: 150 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'quarterCap']}>
                      <InputNumber
                        min={1}
                        max={1000}
                        precision={0}
                        placeholder={t('deputies.policies.noCap')}
                        prefix={t('deputies.policies.quarterCap')}
                        style={{ width: 200 }}
                        aria-label={t('deputies.policies.quarterCap')}
                      />
                    </Form.Item>
                    <Button type="text" icon={<DeleteOutlined />} aria-label={t('deputies.dutyList.remove')} onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ points: 1 })}>
                  {t('deputies.policies.addRule')}
                </Button>
              </>
            )}
          </Form.List>
          <Button type="primary" htmlType="submit" loading={save.isPending} style={{ marginTop: 16 }} data-testid="policy-save">
            {t('deputies.policies.save')}
          </Button>
        </Form>
      ) : (
        <Table
          size="small"
          rowKey="kind"
          pagination={false}
          dataSource={rules}
          columns={[
            { title: t('deputies.archive.kind'), dataIndex: 'kind', render: (k: string) => t(`deputies.dutyKind.${k}`) },
            { title: t('deputies.policies.pointsPer'), dataIndex: 'points', align: 'right' },
            { title: t('deputies.policies.quarterCap'), dataIndex: 'quarterCap', align: 'right', render: (c: number | null) => c ?? t('deputies.policies.noCap') },
          ]}
        />
      )}
      <Typography.Title level={5}>{t('deputies.policies.history')}</Typography.Title>
      <Revisions policy={policy} />
    </Space>
  );
}

export default function PointsPoliciesPage() {
  const { t } = useTranslation();
  const policies = useQuery({ queryKey: policiesKey, queryFn: () => call(api.GET('/api/deputies/points-policies')) });
  const [selected, setSelected] = useState<string>();
  if (policies.isPending) return <Skeleton active />;
  if (policies.isError) return <Alert type="error" showIcon title={t('deputies.loadFailed')} description={asApiError(policies.error).message} />;
  const list = policies.data;
  const policy = list.find((p) => p.id === selected) ?? list[0];
  return (
    <Card title={t('deputies.policies.title')} data-testid="points-policies-page">
      {!policy ? (
        <Empty description={t('deputies.policies.empty')} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Select
            aria-label={t('deputies.year')}
            data-testid="policy-year"
            value={policy.id}
            onChange={setSelected}
            options={list.map((p) => ({ value: p.id, label: `${Number(p.year)}` }))}
            style={{ width: 120 }}
          />
          <PolicyEditor policy={policy} />
        </Space>
      )}
    </Card>
  );
}
