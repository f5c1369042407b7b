// /p/opinions/track[/:code] — a resident reads the status of an opinion by its tracking code, the answer once fed back,
// and rates it once. Never shows contact data; a confidential opinion shows its status only.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Radio, Result, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, call, ApiError } from '@/api/client';
import type { PublicOpinionStatus } from '@/api/opinions';
import { formatDateTime } from '@/components/format';

type Rating = NonNullable<PublicOpinionStatus['rating']>;

export default function PublicOpinionTrackPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const navigate = useNavigate();
  return (
    <div data-testid="public-opinion-track">
      <Typography.Title level={3} className="public-title">
        {t('opinions.track.title')}
      </Typography.Title>
      <Card className="public-card">
        <Form layout="vertical" requiredMark={false} initialValues={{ code }} key={code}
          onFinish={(v: { code: string }) => navigate(`/p/opinions/track/${v.code.replace(/[\s-]/g, '').toUpperCase()}`)}>
          <Form.Item name="code" label={t('opinions.track.code')} rules={[{ required: true, whitespace: true, message: t('opinions.track.codeRequired') }]}>
            <Input size="large" maxLength={14} autoComplete="off" placeholder={t('opinions.track.codePlaceholder')} style={{ textTransform: 'uppercase' }} data-testid="track-code" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block data-testid="track-search">{t('opinions.track.search')}</Button>
        </Form>
      </Card>
      {code ? <TrackResult code={code} /> : null}
    </div>
  );
}

function TrackResult({ code }: { code: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const key = ['public', 'opinion', code];
  const status = useQuery({
    queryKey: key,
    queryFn: () => call(api.GET('/api/stations/public-opinions/{code}', { params: { path: { code } } })),
    retry: false,
  });
  const [rating, setRating] = useState<Rating | undefined>();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const rate = useMutation({
    mutationFn: (r: Rating) => call(api.POST('/api/stations/public-opinions/{code}/rating', { params: { path: { code } }, body: { rating: r } })),
    onSuccess: (data) => {
      queryClient.setQueryData(key, data);
      setMessage({ ok: true, text: t('opinions.track.thanks') });
    },
    onError: (e) => setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) }),
  });

  if (status.isLoading) return <Spin />;
  if (status.isError || !status.data) {
    const notFound = status.error instanceof ApiError && status.error.status === 404;
    return <Result status={notFound ? '404' : 'warning'} title={(status.error as Error)?.message} data-testid="track-error" />;
  }
  const s = status.data;
  return (
    <Card className="public-card" data-testid="track-result">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('opinions.track.code')}>{s.trackingCode}</Descriptions.Item>
        <Descriptions.Item label={t('opinions.track.status')}>
          <Tag color={s.status === 'FedBack' || s.status === 'Closed' ? 'success' : 'processing'} data-testid="track-status">{s.statusName}</Tag>
        </Descriptions.Item>
        {s.stationName ? <Descriptions.Item label={t('opinions.track.station')}>{s.stationName}</Descriptions.Item> : null}
        {s.deputyName ? <Descriptions.Item label={t('opinions.track.deputy')}>{s.deputyName}</Descriptions.Item> : null}
        <Descriptions.Item label={t('opinions.track.receivedOn')}>{s.receivedOn}</Descriptions.Item>
        {s.referredAtUtc ? <Descriptions.Item label={t('opinions.track.referredAt')}>{formatDateTime(s.referredAtUtc)}</Descriptions.Item> : null}
        {s.dueOn ? <Descriptions.Item label={t('opinions.track.dueOn')}>{s.dueOn}</Descriptions.Item> : null}
        {s.fedBackAtUtc ? <Descriptions.Item label={t('opinions.track.fedBackAt')}>{formatDateTime(s.fedBackAtUtc)}</Descriptions.Item> : null}
      </Descriptions>
      {s.content ? (
        <>
          <Typography.Title level={5}>{t('opinions.track.content')}</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{s.content}</Typography.Paragraph>
        </>
      ) : (
        <Typography.Paragraph type="secondary">{t('opinions.track.confidential')}</Typography.Paragraph>
      )}
      {s.feedback ? (
        <>
          <Typography.Title level={5}>{t('opinions.track.answer')}</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="track-answer">{s.feedback}</Typography.Paragraph>
        </>
      ) : null}
      {s.rating ? <Typography.Paragraph data-testid="track-rated">{t('opinions.track.rated', { rating: t(`opinions.rating.${s.rating}`) })}</Typography.Paragraph> : null}
      {s.canRate ? (
        <>
          <Typography.Title level={5}>{t('opinions.track.rate')}</Typography.Title>
          <Radio.Group value={rating} onChange={(e) => setRating(e.target.value as Rating)} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
            {(['Satisfied', 'BasicallySatisfied', 'Dissatisfied'] as const).map((r) => (
              <Radio.Button key={r} value={r} style={{ height: 44, lineHeight: '42px', textAlign: 'center' }} data-testid={`track-rate-${r}`}>
                {t(`opinions.rating.${r}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
          <Button type="primary" size="large" block style={{ marginTop: 12 }} disabled={!rating} loading={rate.isPending}
            onClick={() => rating && rate.mutate(rating)} data-testid="track-rate-submit">
            {t('opinions.track.rateSubmit')}
          </Button>
        </>
      ) : null}
      {message ? <Alert type={message.ok ? 'success' : 'error'} showIcon title={message.text} style={{ marginTop: 12 }} /> : null}
    </Card>
  );
}
