// 密码与身份验证器: how passwords and the second factor work here. Passwords are only ever typed on the
// provider's sign-in pages (it asks for a new one when required); the authenticator status comes from /me.
import { KeyOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '@/auth/me';

export default function ProfileSecurityPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="security-page">
      <Card id="password" title={<span><KeyOutlined /> {t('profile.passwordTitle')}</span>}>
        <Typography.Paragraph>{t('profile.passwordText')}</Typography.Paragraph>
        <Typography.Paragraph style={{ marginBottom: 0 }}>{t('profile.passwordHowTo')}</Typography.Paragraph>
      </Card>
      <Card id="authenticator" title={<span><SafetyOutlined /> {t('profile.authenticatorTitle')}</span>}>
        <Alert
          type={me.user.twoFactorEnabled ? 'success' : 'info'}
          showIcon
          title={me.user.twoFactorEnabled ? t('profile.authenticatorOn') : t('profile.authenticatorOff')}
          style={{ marginBottom: 16 }}
          data-testid="authenticator-status"
        />
        <Typography.Paragraph style={{ marginBottom: 0 }}>{t('profile.authenticatorText')}</Typography.Paragraph>
      </Card>
    </Space>
  );
}
