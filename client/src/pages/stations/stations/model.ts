// Pure logic of the station pages: the tiers of "室—站—点", which parent a tier may sit under (the API's
// StationNesting, mirrored so the form offers only valid parents), the tree for antd and the directory's search.
import type { Schemas } from '@/api/client';

export type StationKind = Schemas['StationKind'];
export type StationListItem = Schemas['StationListItemDto'];
export type Station = Schemas['StationDto'];

export const STATION_KINDS: StationKind[] = ['DeputiesHome', 'CentreStation', 'CommunityStation', 'LiaisonPoint'];

export const stationsKey = ['stations', 'stations'] as const;

const rank = (kind: StationKind) => STATION_KINDS.indexOf(kind);

/** A tier sits under a higher one; the home only at the top; a point never at the top. */
export function canNest(kind: StationKind, parentKind: StationKind | null | undefined): boolean {
  if (!parentKind) return kind !== 'LiaisonPoint';
  if (kind === 'DeputiesHome') return false;
  return rank(parentKind) < rank(kind);
}

/** Parents the form offers for a station of `kind`: active stations of a higher tier, never the station itself or its subtree. */
export function parentOptions(kind: StationKind, stations: StationListItem[], self?: string) {
  const below = new Set<string>();
  if (self) {
    const walk = (id: string) => {
      below.add(id);
      stations.filter((s) => s.parentId === id).forEach((s) => walk(s.id));
    };
    walk(self);
  }
  return stations.filter((s) => s.isActive && !below.has(s.id) && canNest(kind, s.kind));
}

export interface StationTreeNode {
  key: string;
  title: string;
  station: StationListItem;
  children: StationTreeNode[];
}

/** The tree from the API's tree-ordered list (a station whose parent is not listed becomes a root). */
export function buildTree(stations: StationListItem[]): StationTreeNode[] {
  const nodes = new Map(stations.map((s) => [s.id, { key: s.id, title: s.name, station: s, children: [] as StationTreeNode[] }]));
  const roots: StationTreeNode[] = [];
  for (const s of stations) {
    const node = nodes.get(s.id)!;
    const parent = s.parentId ? nodes.get(s.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The directory's search: name, community, address, keeper or liaison contain the text. */
export function matches(station: StationListItem, search: string | undefined): boolean {
  const text = search?.trim();
  if (!text) return true;
  return [station.name, station.community, station.address, station.keeperName, station.liaisonName].some((v) => v?.includes(text));
}

/** The station and its descendants (the table under a selected tree node). */
export function subtree(stations: StationListItem[], rootId: string | undefined): StationListItem[] {
  if (!rootId) return stations;
  const ids = new Set([rootId]);
  for (const s of stations) if (s.parentId && ids.has(s.parentId)) ids.add(s.id);
  return stations.filter((s) => ids.has(s.id));
}
