// The public list of the deputies on duty at a station, week by week (代表值班安排): names only. `PublicRota` fetches
// the station's published weeks (anonymous endpoint); `RotaList` only draws them, for any page that has the weeks.
import { useQuery } from '@tanstack/react-query';
import { List, Skeleton, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '@/api/client';
import { beijingToday } from '@/pages/deputies/shared';

export type PublicRotaWeek = Schemas['PublicRotaWeekDto'];

/** "12月7日" from "2026-12-07", the way the notice board writes dates. */
export function shortDate(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${m}月${d}日`;
}

/** "12月7日—12月13日": a rota week as every rota screen writes it. */
export function weekRange(t: TFunction, week: { weekStart: string; weekEnd: string }): string {
  return t('rota.weekRange', { from: shortDate(week.weekStart), to: shortDate(week.weekEnd) });
}

export function RotaList({ weeks, today = beijingToday() }: { weeks: PublicRotaWeek[]; today?: string }) {
  const { t } = useTranslation();
  if (weeks.length === 0) return <Typography.Text type="secondary">{t('rota.public.empty')}</Typography.Text>;
  return (
    <List
      size="small"
      data-testid="rota-list"
      dataSource={weeks}
      renderItem={(w) => (
        <List.Item key={w.weekStart}>
          <span>{weekRange(t, w)}</span>
          <span>
            {w.weekStart <= today && today <= w.weekEnd ? <Tag color="blue">{t('rota.public.onDuty')}</Tag> : null}
            <Typography.Text strong>{w.deputyName}</Typography.Text>
          </span>
        </List.Item>
      )}
    />
  );
}

/** The station's published rota, for the public station page. */
export function PublicRota({ stationId }: { stationId: string }) {
  const { t } = useTranslation();
  const rota = useQuery({
    queryKey: ['public', 'stations', stationId, 'rota'],
    queryFn: () => call(api.GET('/api/stations/public-stations/{id}/rota', { params: { path: { id: stationId } } })),
  });
  return (
    <section aria-labelledby="public-rota-title">
      <Typography.Title level={4} id="public-rota-title">
        {t('rota.public.title')}
      </Typography.Title>
      {rota.isPending ? <Skeleton active /> : rota.isError ? <Typography.Text type="secondary">{t('rota.public.empty')}</Typography.Text> : <RotaList weeks={rota.data.weeks} />}
    </section>
  );
}

export default RotaList;
