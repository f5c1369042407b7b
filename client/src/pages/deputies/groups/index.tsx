// 代表小组 and 主席团成员联系代表: the active tenant's groups (leader, vice leaders, members; a warning outside 14–24) and
// the presidium members with the deputies each keeps in touch with (a warning outside 5–7).
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, List, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '@/api/client';
import { asApiError } from '@/api/problem';
import { useSession } from '@/auth/me';
import { applyCodeError, isConcurrencyError } from '@/components/formErrors';
import { useShowError } from '@/components/useShowError';
import { useDeputyOptions } from '../shared';
import { groupsKey } from '../deputies/registry';

type Group = Schemas['GroupDto'];
type Presidium = Schemas['PresidiumMemberDto'];
interface GroupValues {
  name: string;
  leaderId: string;
  viceLeaderIds: string[];
  memberIds: string[];
}
const presidiumKey = ['deputies', 'presidium-contacts'] as const;

function GroupModal({ group, onClose }: { group?: Group; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const { options, loading } = useDeputyOptions();
  const [form] = Form.useForm<GroupValues>();
  const save = useMutation({
    mutationFn: (v: GroupValues) => {
      const body = { name: v.name.trim(), leaderId: v.leaderId, viceLeaderIds: v.viceLeaderIds ?? [], memberIds: v.memberIds ?? [] };
      return group
        ? call(api.PUT('/api/deputies/groups/{id}', { params: { path: { id: group.id } }, body: { ...body, version: group.version } }))
        : call(api.POST('/api/deputies/groups', { body }));
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: groupsKey });
      if (saved.warnings.length > 0) modal.warning({ title: t('deputies.groups.saved'), content: saved.warnings.join('\n') });
      else void message.success(t('deputies.groups.saved'));
      onClose();
    },
    onError: (error) => {
      if (applyCodeError(form, error, { 'deputies.group_member_taken': 'memberIds', 'deputies.group_vice_leaders': 'viceLeaderIds' })) return;
      showError(error, form);
      if (isConcurrencyError(error)) {
        void queryClient.invalidateQueries({ queryKey: groupsKey });
        onClose();
      }
    },
  });
  const of = (role: string) => group?.members.filter((m) => m.role === role).map((m) => m.deputyId) ?? [];
  const pick = { options, loading, showSearch: { optionFilterProp: 'label' as const } };
  return (
    <Modal open title={group ? t('deputies.groups.edit') : t('deputies.groups.create')} onCancel={onClose} footer={null} destroyOnHidden mask={{ closable: false }}>
      <Form<GroupValues>
        form={form}
        layout="vertical"
        data-testid="group-form"
        initialValues={group ? { name: group.name, leaderId: of('Leader')[0], viceLeaderIds: of('ViceLeader'), memberIds: of('Member') } : { viceLeaderIds: [], memberIds: [] }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="name" label={t('deputies.groups.name')} rules={[{ required: true, whitespace: true, message: t('deputies.groups.nameRequired') }, { max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="leaderId" label={t('deputies.groups.leader')} rules={[{ required: true, message: t('deputies.archive.required') }]}>
          <Select {...pick} />
        </Form.Item>
        <Form.Item name="viceLeaderIds" label={t('deputies.groups.viceLeaders')} rules={[{ required: true, type: 'array', min: 1, max: 2, message: t('deputies.archive.required') }]}>
          <Select {...pick} mode="multiple" maxCount={2} />
        </Form.Item>
        <Form.Item name="memberIds" label={t('deputies.groups.members')} extra={t('deputies.groups.deputyIdsHint')}>
          <Select {...pick} mode="multiple" />
        </Form.Item>
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="group-save">
            {t('common.save')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}

function PresidiumModal({ member, onClose }: { member?: Presidium; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const { options, loading } = useDeputyOptions();
  const [form] = Form.useForm<{ memberDeputyId?: string; name?: string; deputyIds: string[] }>();
  const save = useMutation({
    mutationFn: (v: { memberDeputyId?: string; name?: string; deputyIds: string[] }) =>
      member
        ? call(api.PUT('/api/deputies/presidium-contacts/{id}', { params: { path: { id: member.id } }, body: { deputyIds: v.deputyIds ?? [], version: member.version } }))
        : call(
            api.POST('/api/deputies/presidium-contacts', {
              body: v.memberDeputyId
                ? { memberDeputyId: v.memberDeputyId, memberUserId: null, name: null, deputyIds: v.deputyIds ?? [] }
                : { memberDeputyId: null, memberUserId: null, name: v.name?.trim() ?? '', deputyIds: v.deputyIds ?? [] },
            }),
          ),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: presidiumKey });
      if (saved.warnings.length > 0) modal.warning({ title: t('deputies.groups.saved'), content: saved.warnings.join('\n') });
      else void message.success(t('deputies.groups.saved'));
      onClose();
    },
    onError: (error) => showError(error, form),
  });
  const pick = { options, loading, showSearch: { optionFilterProp: 'label' as const } };
  return (
    <Modal open title={member ? member.name : t('deputies.groups.addPresidium')} onCancel={onClose} footer={null} destroyOnHidden mask={{ closable: false }}>
      <Typography.Paragraph type="secondary">{t('deputies.groups.presidiumHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" data-testid="presidium-form" initialValues={{ deputyIds: member?.deputies.map((d) => d.deputyId) ?? [] }} onFinish={(v) => save.mutate(v)}>
        {!member ? (
          <>
            <Form.Item name="memberDeputyId" label={t('deputies.groups.presidiumDeputy')}>
              <Select {...pick} allowClear />
            </Form.Item>
            <Form.Item name="name" label={t('deputies.groups.presidiumStaffName')} rules={[{ max: 50 }]}>
              <Input maxLength={50} />
            </Form.Item>
          </>
        ) : null}
        <Form.Item name="deputyIds" label={t('deputies.groups.contacts')}>
          <Select {...pick} mode="multiple" />
        </Form.Item>
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="presidium-save">
            {t('common.save')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}

export default function GroupsPage() {
  const { t } = useTranslation();
  const { access } = useSession();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [groupDialog, setGroupDialog] = useState<{ group?: Group }>();
  const [presidiumDialog, setPresidiumDialog] = useState<{ member?: Presidium }>();
  const groups = useQuery({ queryKey: groupsKey, queryFn: () => call(api.GET('/api/deputies/groups')) });
  const presidium = useQuery({
    queryKey: presidiumKey,
    queryFn: () => call(api.GET('/api/deputies/presidium-contacts')),
    enabled: access.canReadPresidiumContacts,
  });
  const remove = useMutation({
    mutationFn: (group: Group) => call(api.DELETE('/api/deputies/groups/{id}', { params: { path: { id: group.id } } })),
    onSuccess: () => {
      void message.success(t('deputies.groups.deleted'));
      void queryClient.invalidateQueries({ queryKey: groupsKey });
    },
    onError: (error) => showError(error),
  });
  const roleNames = (g: Group, role: string) =>
    g.members
      .filter((m) => m.role === role)
      .map((m) => m.name)
      .join('、');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="groups-page">
      <Card
        title={t('deputies.groups.title')}
        extra={
          access.canManageGroups ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setGroupDialog({})} data-testid="group-create">
              {t('deputies.groups.create')}
            </Button>
          ) : null
        }
      >
        {groups.isError ? <Alert type="error" showIcon title={asApiError(groups.error).message} /> : null}
        <Table<Group>
          data-testid="groups-table"
          rowKey="id"
          size="small"
          loading={groups.isPending}
          dataSource={groups.data ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('deputies.groups.empty') }}
          columns={[
            { title: t('deputies.groups.name'), dataIndex: 'name' },
            { title: t('deputies.groups.leader'), key: 'leader', render: (_: unknown, g) => roleNames(g, 'Leader') },
            { title: t('deputies.groups.viceLeaders'), key: 'vice', render: (_: unknown, g) => roleNames(g, 'ViceLeader') },
            {
              title: t('deputies.groups.memberCount'),
              key: 'count',
              render: (_: unknown, g) => (
                <Space>
                  {Number(g.memberCount)}
                  {g.warnings.map((w) => (
                    <Tag color="warning" key={w} title={w}>
                      {w}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            ...(access.canManageGroups
              ? [
                  {
                    title: '',
                    key: 'actions',
                    render: (_: unknown, g: Group) => (
                      <Space>
                        <Button size="small" onClick={() => setGroupDialog({ group: g })}>
                          {t('deputies.groups.edit')}
                        </Button>
                        <Popconfirm title={t('deputies.groups.deleteConfirm', { name: g.name })} onConfirm={() => remove.mutate(g)}>
                          <Button size="small" danger>
                            {t('deputies.groups.delete')}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {access.canReadPresidiumContacts ? (
        <Card
          title={t('deputies.groups.presidium')}
          extra={
            access.canManagePresidiumContacts ? (
              <Button icon={<PlusOutlined />} onClick={() => setPresidiumDialog({})} data-testid="presidium-create">
                {t('deputies.groups.addPresidium')}
              </Button>
            ) : null
          }
        >
          <List<Presidium>
            data-testid="presidium-list"
            loading={presidium.isPending}
            dataSource={presidium.data ?? []}
            renderItem={(m) => (
              <List.Item
                actions={
                  access.canManagePresidiumContacts
                    ? [
                        <Button size="small" key="edit" onClick={() => setPresidiumDialog({ member: m })}>
                          {t('deputies.groups.edit')}
                        </Button>,
                      ]
                    : undefined
                }
              >
                <List.Item.Meta
                  title={
                    <Space wrap>
                      {m.name}
                      <Tag>{m.deputies.length}</Tag>
                      {m.warnings.map((w) => (
                        <Tag color="warning" key={w}>
                          {w}
                        </Tag>
                      ))}
                    </Space>
                  }
                  description={m.deputies.map((d) => d.name).join('、')}
                />
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      {groupDialog ? <GroupModal group={groupDialog.group} onClose={() => setGroupDialog(undefined)} /> : null}
      {presidiumDialog ? <PresidiumModal member={presidiumDialog.member} onClose={() => setPresidiumDialog(undefined)} /> : null}
    </Space>
  );
}
