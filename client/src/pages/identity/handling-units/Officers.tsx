// The officers of a handling unit (经办人): users holding the unit-officer role in the unit's tenant, who see and answer
// what is referred to the unit ("指派给我"). GET/PUT /api/identity/handling-units/{id}/officers.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type Schemas } from '@/api/client';
import { useShowError } from '@/components/useShowError';

type Unit = Schemas['HandlingUnitDto'];

export default function OfficersModal({ unit, onClose }: { unit: Unit; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const key = ['identity', 'handling-units', unit.id, 'officers'];
  const officers = useQuery({ queryKey: key, queryFn: () => call(api.GET('/api/identity/handling-units/{id}/officers', { params: { path: { id: unit.id } } })) });
  const users = useQuery({
    queryKey: ['identity', 'users', 'unit-officers', unit.tenantId],
    queryFn: () => call(api.GET('/api/identity/users', { params: { query: { tenantId: unit.tenantId, pageSize: 200 } } })),
  });
  const [selected, setSelected] = useState<string[]>([]);
  useEffect(() => setSelected((officers.data ?? []).map((o) => o.userId)), [officers.data]);
  const save = useMutation({
    mutationFn: () => call(api.PUT('/api/identity/handling-units/{id}/officers', { params: { path: { id: unit.id } }, body: { userIds: selected } })),
    onSuccess: (data) => {
      queryClient.setQueryData(key, data);
      void message.success(t('handlingUnits.officersSaved'));
      onClose();
    },
    onError: (e) => showError(e),
  });
  const options = (users.data?.items ?? [])
    .filter((u) => u.memberships.some((m) => m.tenantId === unit.tenantId && m.roles.includes('unit-officer')))
    .map((u) => ({ value: u.id, label: `${u.displayName}(${u.userName})` }));
  return (
    <Modal open title={t('handlingUnits.officersTitle', { name: unit.name })} onCancel={onClose} onOk={() => save.mutate()} confirmLoading={save.isPending}>
      <Typography.Paragraph type="secondary">{t('handlingUnits.officersHelp')}</Typography.Paragraph>
      <Select mode="multiple" style={{ width: '100%' }} value={selected} onChange={setSelected} options={options}
        loading={users.isLoading || officers.isLoading} aria-label={t('handlingUnits.officers')} data-testid="unit-officers" />
    </Modal>
  );
}
