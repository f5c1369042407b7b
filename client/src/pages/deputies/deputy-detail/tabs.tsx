// The profile's tabs, in order. Adding a tab (archive timeline, points, duty list, report-backs…) is one entry here:
//   { key: 'archive', labelKey: 'registry.detail.archive', visible: (a) => a.canReadArchive, render: (d) => <ArchiveTab deputy={d} /> },
import type { ReactNode } from 'react';
import type { Access } from '@/access';
import type { Deputy } from '../deputies/registry';
import ArchiveTab from './ArchiveTab';
import DutyListTab from './DutyListTab';
import PointsTab from './PointsTab';
import ReportBacksTab from './ReportBacksTab';
import { BasicTab, ConsentTab, InviteTab, SeatsTab } from './sections';

export interface DeputyTab {
  key: string;
  /** i18n key of the tab's title. */
  labelKey: string;
  /** Whether the signed-in user sees the tab; every reader of the profile when absent. */
  visible?: (access: Access) => boolean;
  render: (deputy: Deputy) => ReactNode;
}

export const deputyTabs: DeputyTab[] = [
  { key: 'basic', labelKey: 'registry.detail.basic', render: (d) => <BasicTab deputy={d} /> },
  { key: 'seats', labelKey: 'registry.detail.seats', render: (d) => <SeatsTab deputy={d} /> },
  { key: 'archive', labelKey: 'registry.detail.archive', visible: (a) => a.canReadDutyRecords, render: (d) => <ArchiveTab deputyId={d.id} /> },
  { key: 'points', labelKey: 'registry.detail.points', visible: (a) => a.canReadRankings, render: (d) => <PointsTab deputyId={d.id} /> },
  { key: 'duty-list', labelKey: 'registry.detail.dutyList', visible: (a) => a.canReadDutyLists, render: (d) => <DutyListTab deputyId={d.id} /> },
  { key: 'report-backs', labelKey: 'registry.detail.reportBacks', visible: (a) => a.canReadReportBacks, render: (d) => <ReportBacksTab deputyId={d.id} /> },
  { key: 'consent', labelKey: 'registry.detail.consent', render: (d) => <ConsentTab deputy={d} /> },
  { key: 'invite', labelKey: 'registry.detail.invite', render: (d) => <InviteTab deputy={d} /> },
];
