// 每月公示 on the public station page: the station's published monthly notices, latest first, each expandable (the
// latest open). Texts come scrubbed from the API (no names, phone numbers or e-mail addresses); confidential items are
// only counted. Phone-first: one column, readable at 360 px.
import { useQuery } from '@tanstack/react-query';
import { Collapse, Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '@/api/client';
import type { PublicStationNotice } from '@/api/notices';

export function PublicNotices({ stationId }: { stationId: string }) {
  const { t } = useTranslation();
  const notices = useQuery({
    queryKey: ['public', 'station', stationId, 'notices'],
    queryFn: () => call(api.GET('/api/stations/public-stations/{id}/notices', { params: { path: { id: stationId } } })),
    retry: false,
  });
  const list = notices.data ?? [];
  return (
    <section data-testid="public-notices">
      <h2 className="public-card-title">{t('notices.public.title')}</h2>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('notices.public.hint')}
      </Typography.Paragraph>
      {notices.isSuccess && list.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notices.public.none')} /> : null}
      {list.length > 0 ? (
        <Collapse
          defaultActiveKey={[list[0].id]}
          items={list.map((n) => ({
            key: n.id,
            label: (
              <span data-testid={`public-notice-${n.periodEnd}`}>
                {t('notices.public.period', { from: n.periodStart, to: n.periodEnd })}
                <span className="public-muted" style={{ display: 'block', fontSize: 13 }}>
                  {t('notices.public.counts', { raised: Number(n.raisedCount), answered: Number(n.answeredCount) })}
                </span>
              </span>
            ),
            children: <NoticeBody notice={n} />,
          }))}
        />
      ) : null}
    </section>
  );
}

function NoticeBody({ notice }: { notice: PublicStationNotice }) {
  const { t } = useTranslation();
  return (
    <>
      <ol style={{ paddingInlineStart: 20, margin: 0 }}>
        {notice.items.map((item, i) => (
          <li key={i} style={{ marginBottom: 12, overflowWrap: 'anywhere' }}>
            <div className="public-muted" style={{ fontSize: 13 }}>
              {t('notices.public.receivedOn', { date: item.receivedOn })}
              {item.category ? ` · ${item.category}` : ''} <Tag style={{ marginInlineStart: 4 }}>{item.statusName}</Tag>
            </div>
            <div>{item.summary}</div>
            {item.answer ? (
              <div style={{ marginTop: 4 }}>
                <Typography.Text strong>{t('notices.public.answer')}:</Typography.Text>
                {item.answer}
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {/* Outside the list: an <ol> holds only <li> (axe). */}
      {Number(notice.confidentialCount) > 0 ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid="public-notices-confidential">
          {t('notices.public.confidential', { count: Number(notice.confidentialCount) })}
        </Typography.Paragraph>
      ) : null}
    </>
  );
}
