// The station page's tabs that other parts of the module own: the duty rota (the published weeks, and the way to the
// station's rota page) and the residents' opinions it received (the inbox, narrowed to this station).
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
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
