// The user menu in the header: profile, notification settings, password, authenticator, my exports, language, sign out.
import { BellOutlined, DownloadOutlined, GlobalOutlined, KeyOutlined, LogoutOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Me } from '@/access';
import { currentLanguage, isLanguage, setLanguage } from '@/i18n';

export interface UserMenuProps {
  me: Me;
  compact?: boolean;
  onSignOut: () => void;
}

export default function UserMenu({ me, compact, onSignOut }: UserMenuProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const language = currentLanguage();
  const items: MenuProps['items'] = [
    { key: 'profile', icon: <UserOutlined />, label: t('layout.profile') },
    { key: 'notifications', icon: <BellOutlined />, label: t('layout.notificationPreferences') },
    { key: 'password', icon: <KeyOutlined />, label: t('layout.changePassword') },
    { key: 'authenticator', icon: <SafetyOutlined />, label: t('layout.authenticator') },
    { key: 'exports', icon: <DownloadOutlined />, label: t('layout.myExports') },
    { type: 'divider' },
    {
      key: 'language',
      icon: <GlobalOutlined />,
      label: t('layout.language'),
      children: [
        { key: 'lang:zh-CN', label: '简体中文', disabled: language === 'zh-CN' },
        { key: 'lang:en-US', label: 'English', disabled: language === 'en-US' },
      ],
    },
    { type: 'divider' },
    { key: 'sign-out', icon: <LogoutOutlined />, label: t('layout.signOut'), danger: true },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'profile') void navigate('/profile');
    else if (key === 'notifications') void navigate('/profile/notifications');
    else if (key === 'password') void navigate('/profile/security#password');
    else if (key === 'authenticator') void navigate('/profile/security#authenticator');
    else if (key === 'exports') void navigate('/system/exports');
    else if (key === 'sign-out') onSignOut();
    else if (key.startsWith('lang:')) {
      const next = key.slice(5);
      if (isLanguage(next)) void setLanguage(next);
    }
  };
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      {/* The accessible name contains the visible name (WCAG 2.5.3); on phones only the avatar shows. */}
      <Button
        type="text"
        className="user-menu-button"
        aria-label={compact ? `${t('layout.userMenu')}: ${me.user.displayName}` : undefined}
        title={t('layout.userMenu')}
        data-testid="user-menu"
      >
        <Avatar size="small" icon={<UserOutlined />} />
        {compact ? null : <span className="user-menu-name">{me.user.displayName}</span>}
      </Button>
    </Dropdown>
  );
}
