// 二维码海报 (/stations/directory/:id/poster): an A4 page to print and post at the station — its name, "扫码反映社情民意",
// the hours, the station's QR code (its public page) and one small code per deputy (the opinion form naming them).
// The codes are the API's SVG (the same as the download); print CSS in poster.css hides the console around it.
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, call } from '@/api/client';
import { asApiError } from '@/api/problem';
import { saveBlob } from '@/components/saveBlob';
import { useShowError } from '@/components/useShowError';
import { stationsKey } from '../stations/model';
import './poster.css';

type Format = 'Png' | 'Svg';

async function fetchCode(id: string, format: Format, deputyId?: string) {
  return (await call(
    api.GET('/api/stations/stations/{id}/qr-code', { params: { path: { id }, query: { format, deputyId } }, parseAs: 'blob' }),
  )) as unknown as Blob;
}

function QrImage({ stationId, deputyId, alt, size }: { stationId: string; deputyId?: string; alt: string; size: number }) {
  const [url, setUrl] = useState<string>();
  const code = useQuery({ queryKey: [...stationsKey, stationId, 'qr', deputyId ?? ''], queryFn: () => fetchCode(stationId, 'Svg', deputyId) });
  useEffect(() => {
    if (!code.data) return;
    const next = URL.createObjectURL(code.data);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [code.data]);
  if (code.isError) return <Typography.Text type="danger">{asApiError(code.error).message}</Typography.Text>;
  return url ? <img src={url} alt={alt} width={size} height={size} data-testid="poster-qr" /> : <Spin />;
}

export default function StationPosterPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const showError = useShowError();
  const station = useQuery({
    queryKey: [...stationsKey, id],
    queryFn: () => call(api.GET('/api/stations/stations/{id}', { params: { path: { id } } })),
  });
  const deputies = (station.data?.deputies ?? []).filter((d) => !d.endedOn);
  const download = async (format: Format, deputyId?: string, name?: string) => {
    try {
      saveBlob(await fetchCode(id, format, deputyId), `${name ?? station.data?.name ?? ''}二维码.${format.toLowerCase()}`);
    } catch (error) {
      showError(error);
    }
  };

  if (station.isError) return <Card>{asApiError(station.error).message}</Card>;
  if (!station.data) return <Spin />;
  return (
    <div data-testid="station-poster">
      <Space className="poster-toolbar" wrap style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="poster-print">
          {t('stations.poster.print')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => void download('Png')} data-testid="poster-png">
          {t('stations.poster.png')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => void download('Svg')} data-testid="poster-svg">
          {t('stations.poster.svg')}
        </Button>
      </Space>
      <article className="poster-sheet">
        <h1 className="poster-name">{station.data.name}</h1>
        <p className="poster-slogan">{t('stations.poster.slogan')}</p>
        <QrImage stationId={id} alt={t('stations.poster.qrAlt', { name: station.data.name })} size={300} />
        <p className="poster-hours">
          {t('stations.hours')}:{station.data.openingHours}
        </p>
        <p className="poster-address">{station.data.address}</p>
        {deputies.length > 0 ? (
          <section className="poster-deputies">
            <h2>{t('stations.poster.deputies')}</h2>
            <div className="poster-deputy-grid">
              {deputies.map((d) => (
                <figure key={d.id} className="poster-deputy">
                  <QrImage stationId={id} deputyId={d.deputyId} alt={t('stations.poster.qrAlt', { name: d.deputyName })} size={110} />
                  <figcaption>{d.deputyName}</figcaption>
                  <Button size="small" className="poster-toolbar" onClick={() => void download('Png', d.deputyId, `${station.data.name}-${d.deputyName}`)}>
                    PNG
                  </Button>
                </figure>
              ))}
            </div>
          </section>
        ) : null}
      </article>
    </div>
  );
}
