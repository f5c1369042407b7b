// The 述职 tab of a deputy's profile: every report-back of the deputy visible here, newest year first, with its
// status and result; each opens the report-back's page. Wired into the profile page (deputy-detail) at merge.
import { useQuery } from '@tanstack/react-query';
import { List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listReportBacks, reportBacksKey } from '@/api/reportBacks';
import ProblemResult from '@/components/ProblemResult';

export default function ReportBacksTab({ deputyId }: { deputyId: string }) {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: [...reportBacksKey, { deputyId }], queryFn: () => listReportBacks({ deputyId }) });
  if (list.isError && !list.data) return <ProblemResult error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <List
      loading={list.isLoading}
      dataSource={list.data ?? []}
      locale={{ emptyText: t('reportBacks.tabEmpty') }}
      data-testid="deputy-report-backs"
      renderItem={(r) => (
        <List.Item>
          <Space wrap>
            <Link to={`/deputies/report-backs/${r.id}`}>
              {t('reportBacks.tabPlanned', { year: Number(r.year), status: t(`reportBacks.statusName.${r.status}`) })}
            </Link>
            <Typography.Text type="secondary">
              {r.plannedOn} · {r.place} · {t(`reportBacks.formName.${r.form}`)}
            </Typography.Text>
            {r.reportsToCommittee ? <Tag color="purple">{t('reportBacks.toCommittee')}</Tag> : null}
            {r.passed == null ? null : <Tag color={r.passed ? 'success' : 'error'}>{r.passed ? t('reportBacks.passed') : t('reportBacks.notPassed')}</Tag>}
          </Space>
        </List.Item>
      )}
    />
  );
}
