// What every page shares: antd's locale and theme (zh_CN / en_US with the UI's language) and antd's App context
// (message, notification, modal).
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// WCAG 2.1 AA (axe-core runs on the main pages in the browser tests): antd's default secondary and tertiary
// text (45 % black) and its link colour (#1677ff, not derived from colorPrimary) fall below 4.5:1 on white and
// on the layout's grey, so the theme darkens them. #1d5fbf on white is 6.1:1; 60 % black on #f5f5f5 is 5.2:1.
// Status tags write their text in the status colour on its light tint, danger buttons in the error colour on white:
// the seeds are the darker shades of antd's palettes (green-8, red-7, orange-8), each ≥ 5:1 on its tint.
// Hover and active darken the primary instead of lightening it: antd's derived hover (a lighter blue, about 4:1 on
// white) failed axe on a default button under the pointer — the public form's "再提一条意见" appears where the
// submit button was clicked. #174f9f is 8.1:1 on white.
const theme = {
  token: {
    colorPrimary: '#1d5fbf',
    colorInfo: '#1d5fbf',
    colorLink: '#1d5fbf',
    colorPrimaryHover: '#174f9f',
    colorPrimaryActive: '#123e7d',
    colorLinkHover: '#174f9f',
    colorLinkActive: '#123e7d',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    // The tints are given too: derived from a dark seed they come out grey (rgb(173, 184, 165) for green-8).
    colorSuccess: '#237804',
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorError: '#cf1322',
    colorErrorBg: '#fff1f0',
    colorErrorBorder: '#ffa39e',
    colorWarning: '#ad4e00',
    colorWarningBg: '#fff7e6',
    colorWarningBorder: '#ffd591',
    borderRadius: 6,
  },
};

export default function AppProviders({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={i18n.language === 'en-US' ? enUS : zhCN}
      theme={theme}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
