// The profile's tabs, in order. Adding a tab (archive timeline, points, duty list, report-backs…) is one entry here:
//   { key: 'archive', labelKey: 'deputies.detail.archive', visible: (a) => a.canReadArchive, render: (d) => <ArchiveTab deputy={d} /> },
import type { ReactNode } from 'react';
import type { Access } from '@/access';
import type { Deputy } from '../deputies/registry';
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
  { key: 'basic', labelKey: 'deputies.detail.basic', render: (d) => <BasicTab deputy={d} /> },
  { key: 'seats', labelKey: 'deputies.detail.seats', render: (d) => <SeatsTab deputy={d} /> },
  { key: 'consent', labelKey: 'deputies.detail.consent', render: (d) => <ConsentTab deputy={d} /> },
  { key: 'invite', labelKey: 'deputies.detail.invite', render: (d) => <InviteTab deputy={d} /> },
];
