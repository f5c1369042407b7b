// The photos a resident sent with an opinion: thumbnails that enlarge on click (antd Image preview, with the others a
// swipe away). The bytes need the bearer token, so each photo is fetched as a blob and shown from an object URL.
import { useQuery } from '@tanstack/react-query';
import { Image, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asApiError } from '@/api/problem';

export interface OpinionPhotosProps {
  opinionId: string;
  photoIds: string[];
  /** Reads one photo's bytes (the staff route, or the officer's). */
  load: (photoId: string) => Promise<Blob>;
  /** Keeps the staff's and the officer's caches apart. */
  scope: 'staff' | 'officer';
}

export default function OpinionPhotos({ opinionId, photoIds, load, scope }: OpinionPhotosProps) {
  const { t } = useTranslation();
  if (photoIds.length === 0) return null;
  return (
    <div data-testid="opinion-photos" style={{ marginTop: 8 }}>
      <Typography.Text type="secondary">{t('opinions.detail.photos', { count: photoIds.length })}</Typography.Text>
      <div style={{ marginTop: 4 }}>
        <Image.PreviewGroup>
          <Space wrap>
            {photoIds.map((photoId, index) => (
              <Thumbnail key={photoId} queryKey={['stations', 'opinion-photos', scope, opinionId, photoId]} load={() => load(photoId)}
                alt={t('opinions.detail.photoAlt', { index: index + 1 })} />
            ))}
          </Space>
        </Image.PreviewGroup>
      </div>
    </div>
  );
}

function Thumbnail({ queryKey, load, alt }: { queryKey: string[]; load: () => Promise<Blob>; alt: string }) {
  const [url, setUrl] = useState<string>();
  const photo = useQuery({ queryKey, queryFn: load, staleTime: Infinity });
  useEffect(() => {
    if (!photo.data) return;
    const next = URL.createObjectURL(photo.data);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [photo.data]);
  if (photo.isError) return <Typography.Text type="danger">{asApiError(photo.error).message}</Typography.Text>;
  if (!url) return <Spin size="small" />;
  return <Image src={url} alt={alt} width={96} height={96} style={{ objectFit: 'cover' }} data-testid="opinion-photo" />;
}
