// The station page's tabs, in order. Adding a tab (值班表, 意见…) is one entry here:
//   { key: 'rota', labelKey: 'stations.detail.rota', visible: (a) => a.canReadRota, render: (s) => <RotaTab station={s} /> },
import type { ReactNode } from 'react';
import type { Access } from '@/access';
import type { Station } from '../stations/model';
import { NoticesTab, OpinionsTab, RotaTab } from './linked';
import { BasicTab, DeputiesTab } from './sections';

export interface StationTab {
  key: string;
  /** i18n key of the tab's title. */
  labelKey: string;
  /** Whether the signed-in user sees the tab; every reader of the station when absent. */
  visible?: (access: Access) => boolean;
  render: (station: Station) => ReactNode;
}

export const stationTabs: StationTab[] = [
  { key: 'basic', labelKey: 'stations.detail.basic', render: (s) => <BasicTab station={s} /> },
  { key: 'deputies', labelKey: 'stations.detail.deputies', render: (s) => <DeputiesTab station={s} /> },
  { key: 'rota', labelKey: 'stations.detail.rota', visible: (a) => a.canReadRota, render: (s) => <RotaTab station={s} /> },
  { key: 'opinions', labelKey: 'stations.detail.opinions', visible: (a) => a.canReadOpinions, render: (s) => <OpinionsTab station={s} /> },
  { key: 'notices', labelKey: 'stations.detail.notices', visible: (a) => a.canReadNotices, render: (s) => <NoticesTab station={s} /> },
];
