// 履职清单 tab of the deputy profile: the year's planned items and how far the archive says each got; the office plans it.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Form, Input, InputNumber, Modal, Progress, Select, Skeleton, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '@/api/client';
import { asApiError } from '@/api/problem';
import { useSession } from '@/auth/me';
import { isConcurrencyError } from '@/components/formErrors';
import { useShowError } from '@/components/useShowError';
import { beijingYear, useKindOptions, YearSelect, type DutyKind } from '../shared';

type DutyList = Schemas['DutyListDto'];
interface Item {
  kind: DutyKind;
  targetCount: number;
  note?: string | null;
}

export function DutyListTable({ list }: { list: DutyList }) {
  const { t } = useTranslation();
  if (list.items.length === 0) return <Empty description={t('deputies.dutyList.empty')} />;
  const planned = Number(list.plannedTotal);
  return (
    <>
      <Progress
        data-testid="duty-list-progress"
        percent={planned === 0 ? 0 : Math.round((Number(list.doneTotal) * 100) / planned)}
        style={{ maxWidth: 480 }}
      />
      <Table
        data-testid="duty-list"
        size="small"
        rowKey="kind"
        pagination={false}
        dataSource={list.items}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('deputies.archive.kind'), dataIndex: 'kind', render: (k: string) => t(`deputies.dutyKind.${k}`) },
          { title: t('deputies.dutyList.target'), dataIndex: 'targetCount', align: 'right', render: (v: number | string) => Number(v) },
          {
            title: t('deputies.dutyList.done'),
            key: 'done',
            align: 'right',
            render: (_: unknown, i: DutyList['items'][number]) => (
              <Space>
                {Number(i.done)}
                {i.completed ? <Tag color="success">{t('deputies.dutyList.completed')}</Tag> : null}
              </Space>
            ),
          },
          { title: t('deputies.dutyList.note'), dataIndex: 'note', responsive: ['md'] },
        ]}
      />
    </>
  );
}

function PlanModal({ deputyId, year, list, onClose }: { deputyId: string; year: number; list: DutyList; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const kindOptions = useKindOptions();
  const [form] = Form.useForm<{ items: Item[] }>();
  const save = useMutation({
    mutationFn: (v: { items: Item[] }) =>
      call(
        api.PUT('/api/deputies/deputies/{id}/duty-list/{year}', {
          params: { path: { id: deputyId, year } },
          body: { items: (v.items ?? []).map((i) => ({ kind: i.kind, targetCount: i.targetCount, note: i.note?.trim() || null })), version: list.version },
        }),
      ),
    onSuccess: () => {
      void message.success(t('deputies.dutyList.saved'));
      void queryClient.invalidateQueries({ queryKey: ['deputies', 'duty-list', deputyId] });
      onClose();
    },
    onError: (error) => {
      showError(error, form);
      if (isConcurrencyError(error)) {
        void queryClient.invalidateQueries({ queryKey: ['deputies', 'duty-list', deputyId] });
        onClose();
      }
    },
  });
  return (
    <Modal open title={`${t('deputies.dutyList.edit')} · ${year}`} onCancel={onClose} footer={null} destroyOnHidden mask={{ closable: false }} width={640}>
      <Form
        form={form}
        layout="vertical"
        data-testid="duty-list-form"
        initialValues={{ items: list.items.map((i) => ({ kind: i.kind, targetCount: Number(i.targetCount), note: i.note })) }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} wrap align="baseline">
                  <Form.Item name={[field.name, 'kind']} rules={[{ required: true, message: t('deputies.archive.required') }]}>
                    <Select options={kindOptions} style={{ width: 140 }} aria-label={t('deputies.archive.kind')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'targetCount']} rules={[{ required: true, message: t('deputies.archive.required') }]}>
                    <InputNumber min={1} max={366} precision={0} placeholder={t('deputies.dutyList.target')} aria-label={t('deputies.dutyList.target')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'note']}>
                    <Input maxLength={500} placeholder={t('deputies.dutyList.note')} aria-label={t('deputies.dutyList.note')} />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} aria-label={t('deputies.dutyList.remove')} onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ targetCount: 1 })} block>
                {t('deputies.dutyList.addItem')}
              </Button>
            </>
          )}
        </Form.List>
        <Space style={{ width: '100%', justifyContent: 'flex-end', marginTop: 16 }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="duty-list-save">
            {t('common.save')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}

export default function DutyListTab({ deputyId }: { deputyId: string }) {
  const { t } = useTranslation();
  const { access } = useSession();
  const [year, setYear] = useState(beijingYear());
  const [editing, setEditing] = useState(false);
  const list = useQuery({
    queryKey: ['deputies', 'duty-list', deputyId, year],
    queryFn: () => call(api.GET('/api/deputies/deputies/{id}/duty-list', { params: { path: { id: deputyId }, query: { year } } })),
  });
  return (
    <div data-testid="duty-list-tab">
      <Space wrap style={{ marginBottom: 12 }}>
        <YearSelect value={year} onChange={setYear} />
        {access.canManageDutyLists && list.data ? (
          <Button onClick={() => setEditing(true)} data-testid="duty-list-edit">
            {t('deputies.dutyList.edit')}
          </Button>
        ) : null}
      </Space>
      {list.isPending ? (
        <Skeleton active />
      ) : list.isError ? (
        <Alert type="error" showIcon title={t('deputies.loadFailed')} description={asApiError(list.error).message} />
      ) : (
        <DutyListTable list={list.data} />
      )}
      {editing && list.data ? <PlanModal deputyId={deputyId} year={year} list={list.data} onClose={() => setEditing(false)} /> : null}
    </div>
  );
}
