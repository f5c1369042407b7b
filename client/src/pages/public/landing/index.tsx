// /p: what the public area is. The stations issue fills it with stations, reception hours and opinion forms.
import { Card, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export default function PublicLandingPage() {
  const { t } = useTranslation();
  return (
    <div data-testid="public-landing">
      <Typography.Title level={2} className="public-title">
        {t('public.title')}
      </Typography.Title>
      <Typography.Paragraph className="public-subtitle">{t('public.subtitle')}</Typography.Paragraph>
      <Card className="public-card">
        <Typography.Paragraph>{t('public.intro')}</Typography.Paragraph>
      </Card>
      <Card className="public-card" title={t('public.comingTitle')}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>{t('public.coming')}</Typography.Paragraph>
      </Card>
      <p className="public-staff-link">
        <a href="/">{t('public.staffLink')}</a>
      </p>
    </div>
  );
}

export function PublicNotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('exception.notFoundTitle')}
      subTitle={t('exception.notFound')}
      extra={<Link to="/p">{t('common.backHome')}</Link>}
    />
  );
}
