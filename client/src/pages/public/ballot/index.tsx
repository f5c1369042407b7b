// /p/ballots/:token — the public ballot of a deputy's report-back, reached by its QR code: no account, phone-first.
// One vote per device (the server's signed cookie) and, when required, per voter code; clear messages when the
// ballot has not started, is closed, or this device already voted.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Radio, Result, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, call, ApiError } from '@/api/client';
import type { PublicBallot } from '@/api/reportBacks';
import { formatDateTime } from '@/components/format';

type Choice = 'Satisfied' | 'BasicallySatisfied' | 'Dissatisfied';

export default function PublicBallotPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const key = ['public', 'ballot', token];
  const ballot = useQuery({
    queryKey: key,
    queryFn: () => call(api.GET('/api/deputies/public-ballots/{token}', { params: { path: { token } } })),
    retry: false,
  });

  let body;
  if (ballot.isLoading) body = <Spin />;
  else if (ballot.isError || !ballot.data) {
    const notFound = ballot.error instanceof ApiError && ballot.error.status === 404;
    body = <Result status={notFound ? '404' : 'warning'} title={notFound ? t('reportBacks.ballot.notFound') : (ballot.error as Error)?.message} />;
  } else body = <BallotBody ballot={ballot.data} token={token} />;

  return (
    <div data-testid="public-ballot">
      <Typography.Title level={3} className="public-title">
        {t('reportBacks.ballot.title')}
      </Typography.Title>
      {body}
    </div>
  );
}

function BallotBody({ ballot, token }: { ballot: PublicBallot; token: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ choice: Choice; voterCode?: string }>();
  const [outcome, setOutcome] = useState<{ kind: 'thanks' | 'already' | 'closed'; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const vote = useMutation({
    mutationFn: (v: { choice: Choice; voterCode?: string }) =>
      call(api.POST('/api/deputies/public-ballots/{token}/votes', { params: { path: { token } }, body: { choice: v.choice, voterCode: v.voterCode?.trim() || null } })),
    onSuccess: (r) => {
      setOutcome({ kind: 'thanks', text: r.message });
      void queryClient.invalidateQueries({ queryKey: ['public', 'ballot', token] });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'ballot.already_voted') setOutcome({ kind: 'already', text: e.message });
      else if (e instanceof ApiError && (e.code === 'ballot.closed' || e.code === 'ballot.not_open')) setOutcome({ kind: 'closed', text: e.message });
      else setError(e instanceof Error ? e.message : String(e));
    },
  });

  const header = (
    <Card className="public-card">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('reportBacks.ballot.heading', { name: ballot.deputyName, year: Number(ballot.year) })}
      </Typography.Title>
      {ballot.reportsToCommittee ? <Typography.Paragraph type="secondary">{t('reportBacks.ballot.toCommittee')}</Typography.Paragraph> : null}
      <Typography.Paragraph>{t('reportBacks.ballot.when', { date: ballot.plannedOn, place: ballot.place })}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('reportBacks.ballot.window', { from: formatDateTime(ballot.opensAtUtc), to: formatDateTime(ballot.closesAtUtc) })}
      </Typography.Paragraph>
    </Card>
  );

  if (outcome?.kind === 'thanks') return <>{header}<Result status="success" title={outcome.text} data-testid="ballot-thanks" /></>;
  if (outcome?.kind === 'already' || (ballot.alreadyVoted && !outcome))
    return <>{header}<Result status="info" title={outcome?.text ?? t('reportBacks.ballot.already')} data-testid="ballot-already" /></>;
  if (outcome?.kind === 'closed' || ballot.state === 'Closed')
    return <>{header}<Result status="warning" title={outcome?.text ?? t('reportBacks.ballot.closed')} data-testid="ballot-closed" /></>;
  if (ballot.state === 'NotOpen') return <>{header}<Result status="info" title={t('reportBacks.ballot.notOpen')} data-testid="ballot-not-open" /></>;

  return (
    <>
      {header}
      <Card className="public-card">
        <Form form={form} layout="vertical" onFinish={(v) => { setError(null); vote.mutate(v); }} requiredMark={false}>
          <Form.Item name="choice" label={t('reportBacks.ballot.choose')} rules={[{ required: true, message: t('reportBacks.ballot.chooseRequired') }]}>
            <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
              {(['Satisfied', 'BasicallySatisfied', 'Dissatisfied'] as const).map((c) => (
                <Radio.Button key={c} value={c} style={{ height: 48, lineHeight: '46px', textAlign: 'center', fontSize: 18 }} data-testid={`ballot-choice-${c}`}>
                  {t(c === 'Satisfied' ? 'reportBacks.satisfied' : c === 'BasicallySatisfied' ? 'reportBacks.basicallySatisfied' : 'reportBacks.dissatisfied')}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          {ballot.requiresVoterCode ? (
            <Form.Item name="voterCode" label={t('reportBacks.ballot.code')} rules={[{ required: true, message: t('reportBacks.ballot.codeRequired') }]}>
              <Input size="large" maxLength={16} autoComplete="off" placeholder={t('reportBacks.ballot.codePlaceholder')} style={{ textTransform: 'uppercase' }} />
            </Form.Item>
          ) : null}
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="ballot-error" /> : null}
          <Button type="primary" htmlType="submit" size="large" block loading={vote.isPending} data-testid="ballot-submit">
            {t('reportBacks.ballot.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
