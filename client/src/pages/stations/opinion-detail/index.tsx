// 意见详情: one opinion with its photos (thumbnails, click to enlarge), history, duplicate hints and the workflow actions that fit its status — triage
// (category, community, confidential, deputy), mark duplicate, refer to a handling unit in working days, feed the
// unit's answer back to the resident, close.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Col, Descriptions, Form, Input, InputNumber, List, Row, Select, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, call } from '@/api/client';
import { opinionsKey, SLA_COLOR, type OpinionDetail } from '@/api/opinions';
import { useSession } from '@/auth/me';
import ProblemResult from '@/components/ProblemResult';
import { formatDateTime } from '@/components/format';
import { useShowError } from '@/components/useShowError';
import OpinionPhotos from './OpinionPhotos';

/** GET /api/stations/opinions/{id}/photos/{photoId}: a photo's bytes for staff who may read the opinion. */
async function loadPhoto(id: string, photoId: string) {
  return (await call(api.GET('/api/stations/opinions/{id}/photos/{photoId}', { params: { path: { id, photoId } }, parseAs: 'blob' }))) as unknown as Blob;
}

type UnitOption = { id: string; name: string; level: 'Own' | 'Superior' | 'Subordinate'; tenantName: string };
const LEVELS = ['Own', 'Superior', 'Subordinate'] as const;

/** The referral picker's units in groups: 本街道 (the caller's own; 本级 at the top), 区级部门 (the tenants above), 下级单位 (a supervisor's subtree). */
export function unitGroups(units: UnitOption[], t: (key: string, options?: Record<string, unknown>) => string) {
  // Without a tenant above (the district itself) the own units are 本级, not 本街道.
  const top = !units.some((u) => u.level === 'Superior');
  return LEVELS.map((level) => {
    const inLevel = units.filter((u) => u.level === level);
    const tenants = [...new Set(inLevel.map((u) => u.tenantName))];
    const key = level === 'Own' && top ? 'OwnTop' : level;
    return {
      label: <span data-testid={`refer-group-${level}`}>{t(`opinions.detail.unitGroup.${key}`, { tenant: tenants.join('、') })}</span>,
      title: level,
      options: inLevel.map((u) => ({ value: u.id, label: level === 'Subordinate' ? `${u.name}(${u.tenantName})` : u.name })),
    };
  }).filter((group) => group.options.length > 0);
}

export default function OpinionDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { access } = useSession();
  const key = [...opinionsKey, id];
  const opinion = useQuery({ queryKey: key, queryFn: () => call(api.GET('/api/stations/opinions/{id}', { params: { path: { id } } })) });
  if (opinion.isError) return <ProblemResult error={opinion.error} onRetry={() => void opinion.refetch()} />;
  const o = opinion.data;
  if (!o) return <Card loading />;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card title={<Space>{t('opinions.detail.title')} {o.trackingCode} <Tag data-testid="detail-status">{t(`opinions.status.${o.status}`)}</Tag></Space>}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('opinions.inbox.channel')}>{t(`opinions.channel.${o.channel}`)}</Descriptions.Item>
            <Descriptions.Item label={t('opinions.inbox.station')}>{o.stationName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('opinions.inbox.deputy')}>{o.deputyName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('opinions.inbox.category')}>{o.category ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('opinions.register.community')}>{o.community ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('opinions.inbox.receivedOn')}>{o.receivedOn}</Descriptions.Item>
            <Descriptions.Item label={t('opinions.detail.contact')}>
              {o.anonymous ? t('opinions.detail.anonymous') : [o.contactName, o.contactPhone].filter(Boolean).join(' ') || '—'}
            </Descriptions.Item>
            {o.handlingUnitName ? (
              <Descriptions.Item label={t('opinions.inbox.unit')}>
                <Space wrap>
                  {o.handlingUnitName} {o.dueOn}
                  {o.sla !== 'None' ? <Tag color={SLA_COLOR[o.sla]}>{o.sla === 'Red' ? t('opinions.sla.Red') : t('opinions.daysLeft', { days: Number(o.workingDaysLeft) })}</Tag> : null}
                </Space>
              </Descriptions.Item>
            ) : null}
            {o.rating ? <Descriptions.Item label={t('opinions.detail.rating')}>{t(`opinions.rating.${o.rating}`)}</Descriptions.Item> : null}
          </Descriptions>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }} data-testid="detail-content">{o.content}</Typography.Paragraph>
          <OpinionPhotos opinionId={o.id} photoIds={o.photos.map((p) => p.id)} load={(photoId) => loadPhoto(o.id, photoId)} scope="staff" />
          {o.answer ? (
            <Card size="small" title={t('opinions.detail.answer')} style={{ marginTop: 12 }}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="detail-answer">{o.answer}</Typography.Paragraph>
              <Typography.Text type="secondary">{t('opinions.detail.answeredBy', { name: o.answeredByName, time: formatDateTime(o.answeredAtUtc) })}</Typography.Text>
            </Card>
          ) : null}
          {o.feedback ? (
            <Card size="small" title={t('opinions.detail.feedback')} style={{ marginTop: 12 }}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{o.feedback}</Typography.Paragraph>
            </Card>
          ) : null}
        </Card>
        <Card title={t('opinions.detail.history')} style={{ marginTop: 16 }}>
          <Timeline
            items={o.history.map((h) => ({
              children: (
                <>
                  <Typography.Text strong>{t(`opinions.detail.event.${h.kind}`, { defaultValue: h.kind })}</Typography.Text> · {h.actorName} · {formatDateTime(h.atUtc)}
                  {h.note ? <div><Typography.Text type="secondary">{h.note}</Typography.Text></div> : null}
                </>
              ),
            }))}
          />
        </Card>
      </Col>
      <Col xs={24} lg={10}>{access.canManageOpinions ? <Actions opinion={o} queryKey={key} /> : null}</Col>
    </Row>
  );
}

function Actions({ opinion: o, queryKey }: { opinion: OpinionDetail; queryKey: unknown[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const done = (data: OpinionDetail) => {
    queryClient.setQueryData(queryKey, data);
    void queryClient.invalidateQueries({ queryKey: opinionsKey, exact: false, predicate: (q) => q.queryKey.length === 3 && typeof q.queryKey[2] === 'object' });
    void message.success(t('opinions.detail.saved'));
  };
  const path = { params: { path: { id: o.id } } };
  const triage = useMutation({
    mutationFn: (v: { category?: string; community?: string; confidential: boolean; deputyId?: string }) =>
      call(api.POST('/api/stations/opinions/{id}/triage', { ...path, body: { ...v, category: v.category ?? null, community: v.community ?? null, deputyId: v.deputyId ?? null } })),
    onSuccess: done,
    onError: (e) => showError(e),
  });
  const duplicate = useMutation({
    mutationFn: (duplicateOfId: string) => call(api.POST('/api/stations/opinions/{id}/duplicate', { ...path, body: { duplicateOfId, note: null } })),
    onSuccess: done,
    onError: (e) => showError(e),
  });
  const refer = useMutation({
    mutationFn: (v: { handlingUnitId: string; workingDays: number }) => call(api.POST('/api/stations/opinions/{id}/referral', { ...path, body: v })),
    onSuccess: done,
    onError: (e) => showError(e),
  });
  const feedback = useMutation({
    mutationFn: (v: { feedback: string }) => call(api.POST('/api/stations/opinions/{id}/feedback', { ...path, body: v })),
    onSuccess: done,
    onError: (e) => showError(e),
  });
  const close = useMutation({
    mutationFn: (v: { note?: string }) => call(api.POST('/api/stations/opinions/{id}/close', { ...path, body: { note: v.note ?? null } })),
    onSuccess: done,
    onError: (e) => showError(e),
  });
  const received = o.status === 'Received';
  const units = useQuery({ queryKey: ['stations', 'opinion-units'], queryFn: () => call(api.GET('/api/stations/opinions/handling-units', {})), enabled: received });
  const deputies = useQuery({ queryKey: ['stations', 'opinion-deputies'], queryFn: () => call(api.GET('/api/stations/opinions/station-deputies', {})), enabled: received });

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      {received && o.duplicateHints.length > 0 ? (
        <Card size="small" title={t('opinions.detail.hints')}>
          <List
            size="small"
            dataSource={o.duplicateHints}
            renderItem={(h) => (
              <List.Item actions={[<Button key="dup" size="small" onClick={() => duplicate.mutate(h.id)}>{t('opinions.detail.markDuplicate')}</Button>]}>
                <Typography.Text>{h.trackingCode} · {h.excerpt}</Typography.Text>
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      {received ? (
        <Card size="small" title={t('opinions.detail.triage')}>
          <Form layout="vertical" initialValues={{ category: o.category ?? undefined, community: o.community ?? undefined, confidential: o.confidential, deputyId: o.deputyId ?? undefined }}
            onFinish={(v) => triage.mutate(v)}>
            <Form.Item name="category" label={t('opinions.inbox.category')}>
              <Select allowClear options={o.categories.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
            <Form.Item name="community" label={t('opinions.register.community')}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="deputyId" label={t('opinions.inbox.deputy')}>
              <Select allowClear data-testid="triage-deputy"
                options={(deputies.data ?? []).filter((d) => !o.stationId || d.stationId === o.stationId).map((d) => ({ value: d.deputyId, label: d.name }))} />
            </Form.Item>
            <Form.Item name="confidential" valuePropName="checked">
              <Checkbox>{t('opinions.register.confidential')}</Checkbox>
            </Form.Item>
            <Button htmlType="submit" loading={triage.isPending} data-testid="triage-save">{t('opinions.detail.triageSave')}</Button>
          </Form>
        </Card>
      ) : null}
      {received ? (
        <Card size="small" title={t('opinions.detail.refer')}>
          <Form layout="vertical" initialValues={{ workingDays: 15 }} onFinish={(v: { handlingUnitId: string; workingDays: number }) => refer.mutate(v)}>
            <Form.Item name="handlingUnitId" label={t('opinions.detail.unit')} rules={[{ required: true, message: t('opinions.detail.unitRequired') }]}>
              <Select showSearch optionFilterProp="label" options={unitGroups(units.data ?? [], t)} data-testid="refer-unit" />
            </Form.Item>
            <Form.Item name="workingDays" label={t('opinions.detail.workingDays')}>
              <InputNumber min={1} max={60} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={refer.isPending} data-testid="refer-submit">{t('opinions.detail.referSubmit')}</Button>
          </Form>
        </Card>
      ) : null}
      {o.status === 'Answered' ? (
        <Card size="small" title={t('opinions.detail.feedback')}>
          <Form layout="vertical" initialValues={{ feedback: o.answer ?? '' }} onFinish={(v: { feedback: string }) => feedback.mutate(v)}>
            <Form.Item name="feedback" rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea rows={4} maxLength={2000} placeholder={t('opinions.detail.feedbackPlaceholder')} data-testid="feedback-text" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={feedback.isPending} data-testid="feedback-submit">{t('opinions.detail.feedbackSubmit')}</Button>
          </Form>
        </Card>
      ) : null}
      {received || o.status === 'FedBack' ? (
        <Card size="small" title={t('opinions.detail.close')}>
          <Form layout="vertical" onFinish={(v: { note?: string }) => close.mutate(v)}>
            <Form.Item name="note" label={t('opinions.detail.closeNote')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Button htmlType="submit" loading={close.isPending} data-testid="close-submit">{t('opinions.detail.closeSubmit')}</Button>
          </Form>
        </Card>
      ) : null}
    </Space>
  );
}
