// The files attached to one record (ownerType + ownerId): a list with download, and — when the user may change the
// record — upload and delete. The API checks every call with the owner's permissions; this only hides the buttons.
//   <Attachments ownerType="handling-units" ownerId={unit.id} canWrite={allowed.canUpdateHandlingUnits} />
import { DeleteOutlined, DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, List, Popconfirm, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '@/api/client';
import { useShowError } from './useShowError';
import { saveBlob } from './saveBlob';
import { formatSize } from './format';

type Attachment = Schemas['AttachmentDto'];

/** The extensions the API accepts (it checks the content too). */
export const ACCEPT = '.jpg,.jpeg,.png,.gif,.webp,.pdf,.docx,.xlsx,.pptx,.doc,.xls,.txt';

export default function Attachments({ ownerType, ownerId, canWrite }: { ownerType: string; ownerId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const key = ['attachments', ownerType, ownerId];
  const path = { params: { path: { ownerType, ownerId } } };

  const list = useQuery({ queryKey: key, queryFn: () => call(api.GET('/api/platform/attachments/{ownerType}/{ownerId}', path)) });

  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('files', file, file.name);
      return call(
        api.POST('/api/platform/attachments/{ownerType}/{ownerId}', {
          ...path,
          body: form as unknown as { files: string[] },
          bodySerializer: (body) => body as unknown as FormData,
        }),
      );
    },
    onSuccess: (saved) => {
      void message.success(t('attachments.uploaded', { name: saved.map((a) => a.fileName).join('、') }));
      void queryClient.invalidateQueries({ queryKey: key });
    },
    onError: (error) => showError(error),
  });

  const remove = useMutation({
    mutationFn: (id: string) => call(api.DELETE('/api/platform/attachments/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      void message.success(t('attachments.removed'));
      void queryClient.invalidateQueries({ queryKey: key });
    },
    onError: (error) => showError(error),
  });

  // The content needs the bearer token, so it is fetched and handed to the browser as a blob.
  const download = async (attachment: Attachment) => {
    try {
      const blob = await call(api.GET('/api/platform/attachments/{id}/content', { params: { path: { id: attachment.id } }, parseAs: 'blob' }));
      saveBlob(blob as Blob, attachment.fileName);
    } catch (error) {
      showError(error);
    }
  };

  return (
    <div data-testid="attachments">
      <Typography.Text strong>
        <PaperClipOutlined /> {t('attachments.title')}
      </Typography.Text>
      <List<Attachment>
        size="small"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('attachments.empty') }}
        renderItem={(a) => (
          <List.Item
            data-testid={`attachment-${a.id}`}
            actions={[
              <Button key="download" type="link" size="small" icon={<DownloadOutlined />} aria-label={`${t('attachments.download')} ${a.fileName}`} onClick={() => void download(a)}>
                {t('attachments.download')}
              </Button>,
              ...(canWrite
                ? [
                    <Popconfirm key="remove" title={t('attachments.removeConfirm', { name: a.fileName })} onConfirm={() => remove.mutate(a.id)}>
                      <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={`${t('attachments.remove')} ${a.fileName}`}>
                        {t('attachments.remove')}
                      </Button>
                    </Popconfirm>,
                  ]
                : []),
            ]}
          >
            <List.Item.Meta
              title={a.fileName}
              description={t('attachments.meta', {
                size: formatSize(Number(a.sizeBytes)),
                by: a.uploadedByName,
                at: dayjs(a.uploadedAtUtc).format('YYYY-MM-DD HH:mm'),
              })}
            />
          </List.Item>
        )}
      />
      {canWrite ? (
        <>
          <Upload
            accept={ACCEPT}
            multiple
            showUploadList={false}
            customRequest={({ file, onSuccess, onError }) =>
              upload.mutate(file as File, { onSuccess: () => onSuccess?.(null), onError: (e) => onError?.(e as Error) })
            }
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="attachments-upload">
              {t('attachments.upload')}
            </Button>
          </Upload>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('attachments.hint')}
          </Typography.Paragraph>
        </>
      ) : null}
    </div>
  );
}
