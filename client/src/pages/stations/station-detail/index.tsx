// 联络站详情 (/stations/directory/:id): one station in tabs (tabs.tsx) that the rota and opinions extend.
import { ArrowLeftOutlined, QrcodeOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, call } from '@/api/client';
import { asApiError } from '@/api/problem';
import { useSession } from '@/auth/me';
import { stationsKey } from '../stations/model';
import { stationTabs } from './tabs';

export default function StationDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { access } = useSession();
  const [params, setParams] = useSearchParams();
  const station = useQuery({
    queryKey: [...stationsKey, id],
    queryFn: () => call(api.GET('/api/stations/stations/{id}', { params: { path: { id } } })),
  });
  const tabs = stationTabs.filter((tab) => !tab.visible || tab.visible(access));
  const active = tabs.some((tab) => tab.key === params.get('tab')) ? params.get('tab')! : tabs[0].key;

  return (
    <Card
      data-testid="station-detail"
      title={
        <Space wrap>
          <Link to="/stations/directory" aria-label={t('stations.detail.back')}>
            <ArrowLeftOutlined />
          </Link>
          <span>{station.data?.name ?? t('stations.detail.title')}</span>
          {station.data ? <Tag>{t(`stations.kinds.${station.data.kind}`)}</Tag> : null}
          {station.data && !station.data.isActive ? <Tag color="default">{t('stations.inactive')}</Tag> : null}
        </Space>
      }
      extra={
        station.data?.isActive ? (
          <Link to={`/stations/directory/${id}/poster`}>
            <Button icon={<QrcodeOutlined />} data-testid="station-poster-link">
              {t('stations.poster.open')}
            </Button>
          </Link>
        ) : null
      }
      loading={station.isLoading}
    >
      {station.isError ? (
        <Typography.Paragraph type="danger" data-testid="station-error">
          {asApiError(station.error).message}
        </Typography.Paragraph>
      ) : null}
      {station.data ? (
        <Tabs
          activeKey={active}
          onChange={(key) => setParams(key === tabs[0].key ? {} : { tab: key }, { replace: true })}
          items={tabs.map((tab) => ({ key: tab.key, label: t(tab.labelKey), children: tab.render(station.data) }))}
          data-testid="station-tabs"
        />
      ) : null}
    </Card>
  );
}
