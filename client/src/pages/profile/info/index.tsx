// 个人信息: the signed-in person, the active tenant and every seat, as /api/identity/me reports them.
import { Card, Descriptions, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/api/client';
import { useSession } from '@/auth/me';

type Seat = Schemas['MeMembershipDto'];

export default function ProfileInfoPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const roleName = (role: string) => t(`enums.role.${role}`, { defaultValue: role });
  const kindName = (kind: string) => t(`enums.tenantKind.${kind}`, { defaultValue: kind });
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="profile-page">
      <Card title={t('profile.account')}>
        <Descriptions column={{ xs: 1, sm: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label={t('profile.displayName')}>{me.user.displayName}</Descriptions.Item>
          <Descriptions.Item label={t('profile.userName')}>{me.user.userName}</Descriptions.Item>
          <Descriptions.Item label={t('profile.phone')}>{me.user.phoneNumber ?? t('profile.notSet')}</Descriptions.Item>
          <Descriptions.Item label={t('profile.authenticatorTitle')}>
            {me.user.twoFactorEnabled ? <Tag color="success">{t('profile.enabled')}</Tag> : <Tag>{t('profile.disabled')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('profile.activeTenant')}>
            {me.tenant.name} <Tag>{kindName(me.tenant.kind)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('profile.activeRoles')}>
            {me.roles.map((r) => (
              <Tag key={r} color="blue">
                {roleName(r)}
              </Tag>
            ))}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('profile.seats')}>
        <Table<Seat>
          rowKey="tenantId"
          size="small"
          pagination={false}
          dataSource={me.memberships}
          columns={[
            { title: t('home.tenantColumn'), key: 'tenant', render: (_, m) => `${m.tenantName}(${kindName(m.tenantKind)})` },
            { title: t('home.rolesColumn'), key: 'roles', render: (_, m) => m.roles.map(roleName).join('、') },
          ]}
        />
      </Card>
    </Space>
  );
}
