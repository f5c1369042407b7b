// /p/stations/:id — a station's public page, reached by scanning its poster: no account, phone-first (360 px). The
// station's address, hours, keeper and phone, its deputies with only the contact items each consented to publish, and
// the big "我要反映意见" button to the opinion form, the upcoming centralised reception events there (集中接待: when, and the
// deputies' names), the published duty rota (who receives residents which week) and the published monthly notices
// (每月公示, PublicNotices.tsx, from /api/stations/public-stations/{id}/notices).
import { useQuery } from '@tanstack/react-query';
import { Button, Card, List, Result, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call, ApiError, type Schemas } from '@/api/client';
import { when } from '@/pages/stations/receptions/model';
import { PublicRota } from '@/pages/stations/rota/RotaList';
import { PublicNotices } from './PublicNotices';

type PublicStation = Schemas['PublicStationDto'];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default function PublicStationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const valid = GUID.test(id);
  const station = useQuery({
    queryKey: ['public', 'station', id],
    queryFn: () => call(api.GET('/api/stations/public-stations/{id}', { params: { path: { id } } })),
    enabled: valid,
    retry: false,
  });

  let body;
  if (!valid) body = <Result status="404" title={t('stations.public.notFound')} data-testid="public-station-missing" />;
  else if (station.isLoading) body = <Spin />;
  else if (station.isError || !station.data) {
    const known = station.error instanceof ApiError && station.error.status === 404;
    body = (
      <Result
        status={known ? '404' : 'warning'}
        title={known ? (station.error as ApiError).message : t('stations.public.failed')}
        data-testid="public-station-missing"
      />
    );
  } else body = <StationBody station={station.data} />;

  return <div data-testid="public-station">{body}</div>;
}

function StationBody({ station }: { station: PublicStation }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={3} className="public-title">
        {station.name}
      </Typography.Title>
      <Card className="public-card">
        <dl className="public-facts">
          <dt>{t('stations.address')}</dt>
          <dd>{station.address}</dd>
          <dt>{t('stations.hours')}</dt>
          <dd>{station.openingHours}</dd>
          {station.keeperName ? (
            <>
              <dt>{t('stations.keeper')}</dt>
              <dd>{station.keeperName}</dd>
            </>
          ) : null}
          {station.phone ? (
            <>
              <dt>{t('stations.phone')}</dt>
              <dd>
                <a href={`tel:${station.phone}`}>{station.phone}</a>
              </dd>
            </>
          ) : null}
        </dl>
      </Card>
      <Link to={station.opinionPath} data-testid="public-station-opinion">
        <Button type="primary" size="large" block style={{ height: 56, fontSize: 20, margin: '8px 0 16px' }} tabIndex={-1}>
          {t('stations.public.raise')}
        </Button>
      </Link>
      {station.receptions.length > 0 ? (
        <Card className="public-card" title={<h2 className="public-card-title">{t('receptions.public.title')}</h2>}>
          <List
            dataSource={station.receptions}
            data-testid="public-station-receptions"
            renderItem={(r) => (
              <List.Item key={`${r.date}-${r.startTime}-${r.title}`}>
                <div>
                  <Typography.Text strong>{r.title}</Typography.Text>
                  <div>{when(r)}</div>
                  {r.deputyNames.length > 0 ? <div className="public-muted">{t('receptions.public.deputies', { names: r.deputyNames.join('、') })}</div> : null}
                </div>
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      {station.deputies.length > 0 ? (
        <Card className="public-card" title={<h2 className="public-card-title">{t('stations.public.deputies')}</h2>}>
          <List
            dataSource={station.deputies}
            data-testid="public-station-deputies"
            renderItem={(d) => (
              <List.Item key={d.deputyId}>
                <div>
                  <Typography.Text strong>{d.name}</Typography.Text>
                  {d.workUnit ? <div className="public-muted">{d.workUnit}</div> : null}
                  {d.mobile ? (
                    <div>
                      {t('stations.public.mobile')}: <a href={`tel:${d.mobile}`}>{d.mobile}</a>
                    </div>
                  ) : null}
                  {d.email ? (
                    <div>
                      {t('stations.public.email')}: <a href={`mailto:${d.email}`}>{d.email}</a>
                    </div>
                  ) : null}
                </div>
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      <Card className="public-card">
        <PublicRota stationId={station.id} />
      </Card>
      <Card className="public-card">
        <PublicNotices stationId={station.id} />
      </Card>
    </>
  );
}
