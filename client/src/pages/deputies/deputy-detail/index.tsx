// 代表档案 (/deputies/registry/:id): one deputy as the active tenant sees them — the seats it organises (or supervises),
// masked contacts — in tabs (tabs.tsx) that other parts of the module extend.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Space, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, call } from '@/api/client';
import { asApiError } from '@/api/problem';
import { useSession } from '@/auth/me';
import { deputiesKey } from '../deputies/registry';
import { deputyTabs } from './tabs';

export default function DeputyDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { access } = useSession();
  const [params, setParams] = useSearchParams();
  const deputy = useQuery({
    queryKey: [...deputiesKey, id],
    queryFn: () => call(api.GET('/api/deputies/deputies/{id}', { params: { path: { id } } })),
  });
  const tabs = deputyTabs.filter((tab) => !tab.visible || tab.visible(access));
  const active = tabs.some((tab) => tab.key === params.get('tab')) ? params.get('tab')! : tabs[0].key;

  return (
    <Card
      data-testid="deputy-detail"
      title={
        <Space wrap>
          <Link to="/deputies/registry" aria-label={t('registry.detail.back')}>
            <ArrowLeftOutlined />
          </Link>
          <span>{deputy.data?.name ?? t('registry.detail.title')}</span>
          {deputy.data?.userId ? <Tag color="success">{t('registry.invited')}</Tag> : null}
        </Space>
      }
      loading={deputy.isLoading}
    >
      {deputy.isError ? (
        <Typography.Paragraph type="danger" data-testid="deputy-error">
          {t('registry.detail.loadFailed')}:{asApiError(deputy.error).message}
        </Typography.Paragraph>
      ) : null}
      {deputy.data ? (
        <Tabs
          activeKey={active}
          onChange={(key) => setParams(key === tabs[0].key ? {} : { tab: key }, { replace: true })}
          items={tabs.map((tab) => ({ key: tab.key, label: t(tab.labelKey), children: tab.render(deputy.data) }))}
          data-testid="deputy-tabs"
        />
      ) : null}
    </Card>
  );
}
