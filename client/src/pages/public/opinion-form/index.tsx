// /p/opinions/new?station=<id>[&deputy=<id>] — the public opinion form (社情民意), reached from a station's or a deputy's
// QR code: no account, phone-first (360 px). The server checks the ids; its refusals are shown as they come (Chinese).
// One Idempotency-Key per form fill, reused on every retry, so that a weak connection never leaves two opinions.
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Result, Select, Spin, Typography, Upload, type UploadFile } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, call, ApiError } from '@/api/client';
import { newIdempotencyKey, submitPublicOpinion, type PublicOpinionForm, type SubmittedOpinion } from '@/api/opinions';

export default function PublicOpinionFormPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const station = params.get('station') ?? '';
  const deputy = params.get('deputy') ?? undefined;
  const info = useQuery({
    queryKey: ['public', 'opinion-form', station, deputy],
    queryFn: () => call(api.GET('/api/stations/public-opinions/form', { params: { query: { station, deputy } } })),
    enabled: !!station,
    retry: false,
  });

  let body;
  if (!station) body = <Result status="warning" title={t('opinions.form.badLink')} />;
  else if (info.isLoading) body = <Spin />;
  else if (info.isError || !info.data) {
    const notFound = info.error instanceof ApiError && info.error.status === 404;
    body = <Result status={notFound ? '404' : 'warning'} title={(info.error as Error)?.message} data-testid="opinion-form-refused" />;
  } else body = <OpinionForm form={info.data} />;

  return (
    <div data-testid="public-opinion-form">
      <Typography.Title level={3} className="public-title">
        {t('opinions.form.title')}
      </Typography.Title>
      {body}
    </div>
  );
}

interface Values {
  deputyId?: string;
  content: string;
  category?: string;
  contactName?: string;
  contactPhone?: string;
}

function OpinionForm({ form: info }: { form: PublicOpinionForm }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<SubmittedOpinion | null>(null);
  // One key per fill: kept across retries, renewed only after a success.
  const key = useRef(newIdempotencyKey());
  const maxPhotos = Number(info.maxPhotos);
  const submit = useMutation({
    mutationFn: (v: Values) =>
      submitPublicOpinion(
        { stationId: info.stationId, deputyId: info.deputyId ?? v.deputyId, content: v.content, category: v.category, contactName: v.contactName, contactPhone: v.contactPhone },
        photos.map((p) => p.originFileObj as File).filter(Boolean),
        key.current,
      ),
    onSuccess: (r) => {
      setDone(r);
      key.current = newIdempotencyKey();
    },
    onError: (e) => setError(e instanceof Error ? e.message : String(e)),
  });

  const header = (
    <Card className="public-card">
      <Typography.Paragraph strong style={{ marginBottom: 4 }}>{t('opinions.form.station', { name: info.stationName })}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('opinions.form.address', { address: info.address })}</Typography.Paragraph>
    </Card>
  );

  if (done)
    return (
      <>
        {header}
        <Result
          status="success"
          title={t('opinions.form.submitted')}
          data-testid="opinion-submitted"
          subTitle={
            <>
              <Typography.Paragraph>{t('opinions.form.codeLabel')}</Typography.Paragraph>
              <Typography.Title level={2} copyable data-testid="opinion-code" style={{ letterSpacing: 2 }}>{done.trackingCode}</Typography.Title>
              <Typography.Paragraph>{t('opinions.form.codeHint')}</Typography.Paragraph>
            </>
          }
          extra={[
            <Link key="track" to={`/p/opinions/track/${done.trackingCode}`}><Button type="primary" size="large">{t('opinions.form.track')}</Button></Link>,
            <Button key="again" size="large" onClick={() => { form.resetFields(); setPhotos([]); setDone(null); }}>{t('opinions.form.another')}</Button>,
          ]}
        />
      </>
    );

  return (
    <>
      {header}
      <Card className="public-card">
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => { setError(null); submit.mutate(v); }}>
          {info.deputyName ? (
            <Alert type="info" showIcon title={t('opinions.form.deputyFixed', { name: info.deputyName })} style={{ marginBottom: 16 }} data-testid="opinion-deputy" />
          ) : info.deputies.length > 0 ? (
            <Form.Item name="deputyId" label={t('opinions.form.deputy')} extra={t('opinions.form.deputyChoose')}>
              <Select size="large" allowClear options={info.deputies.map((d) => ({ value: d.id, label: d.name }))} />
            </Form.Item>
          ) : null}
          <Form.Item name="content" label={t('opinions.form.content')} rules={[{ required: true, whitespace: true, message: t('opinions.form.contentRequired') }]}>
            <Input.TextArea rows={5} maxLength={2000} showCount placeholder={t('opinions.form.contentPlaceholder')} data-testid="opinion-content" />
          </Form.Item>
          <Form.Item name="category" label={t('opinions.form.category')}>
            <Select size="large" allowClear options={info.categories.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
          <Form.Item label={t('opinions.form.photos', { count: maxPhotos })} extra={t('opinions.form.photosHint')}>
            <Upload
              accept="image/jpeg,image/png,image/webp"
              listType="picture"
              fileList={photos}
              maxCount={maxPhotos}
              beforeUpload={(file) => {
                if (file.size > Number(info.maxPhotoBytes)) {
                  setError(t('opinions.form.photoTooLarge'));
                  return Upload.LIST_IGNORE;
                }
                return false;
              }}
              onChange={({ fileList }) => setPhotos(fileList.slice(0, maxPhotos))}
            >
              {photos.length < maxPhotos ? <Button size="large">{t('opinions.form.addPhoto')}</Button> : null}
            </Upload>
          </Form.Item>
          <Typography.Title level={5}>{t('opinions.form.contactTitle')}</Typography.Title>
          <Typography.Paragraph type="secondary" data-testid="opinion-contact-purpose">{t('opinions.form.contactPurpose')}</Typography.Paragraph>
          <Form.Item name="contactName" label={t('opinions.form.contactName')}>
            <Input size="large" maxLength={50} autoComplete="name" />
          </Form.Item>
          <Form.Item name="contactPhone" label={t('opinions.form.contactPhone')}>
            <Input size="large" maxLength={30} inputMode="tel" autoComplete="tel" />
          </Form.Item>
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="opinion-error" /> : null}
          <Button type="primary" htmlType="submit" size="large" block loading={submit.isPending} data-testid="opinion-submit">
            {t('opinions.form.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
