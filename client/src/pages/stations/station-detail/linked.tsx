// The station page's tabs that other parts of the module own: the duty rota (the published weeks, and the way to the
// station's rota page), the residents' opinions it received (the inbox, narrowed to this station) and its monthly notices.
import { useQuery } from '@tanstack/react-query';
import { Button, List, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '@/api/client';
import { NOTICE_STATUS_COLOR, noticesKey } from '@/api/notices';
import { PublicRota } from '../rota/RotaList';
import type { Station } from '../stations/model';

export function RotaTab({ station }: { station: Station }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PublicRota stationId={station.id} />
      <Link to={`/stations/rota/${station.id}`} data-testid="station-open-rota">
        <Button type="primary">{t('stations.detail.openRota')}</Button>
      </Link>
    </Space>
  );
}

export function OpinionsTab({ station }: { station: Station }) {
  const { t } = useTranslation();
  return (
    <Link to={`/stations/opinions?station=${station.id}`} data-testid="station-open-opinions">
      <Button type="primary">{t('stations.detail.openOpinions')}</Button>
    </Link>
  );
}

/** 公示: this station's monthly notices (latest first) and the way to the list narrowed to it. */
export function NoticesTab({ station }: { station: Station }) {
  const { t } = useTranslation();
  const notices = useQuery({
    queryKey: [...noticesKey, { stationId: station.id, page: 1 }],
    queryFn: () => call(api.GET('/api/stations/notices', { params: { query: { stationId: station.id, page: 1, pageSize: 12 } } })),
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <List
        loading={notices.isLoading}
        dataSource={notices.data?.items ?? []}
        locale={{ emptyText: t('notices.list.empty') }}
        data-testid="station-notices"
        renderItem={(n) => (
          <List.Item key={n.id} extra={<Link to={`/stations/notices/${n.id}`}>{t('notices.list.view')}</Link>}>
            <Space wrap>
              <span>
                {n.periodStart} ~ {n.periodEnd}
              </span>
              <Tag color={NOTICE_STATUS_COLOR[n.status]}>{t(`notices.status.${n.status}`)}</Tag>
            </Space>
          </List.Item>
        )}
      />
      <Link to={`/stations/notices?station=${station.id}`} data-testid="station-open-notices">
        <Button type="primary">{t('notices.tab.open')}</Button>
      </Link>
    </Space>
  );
}
