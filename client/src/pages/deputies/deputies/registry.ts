// Pure logic of the registry pages: the list's filter in the address bar, masking-free labels, and the import's
// row-by-row error report (read from the problem details, written as a CSV for Excel).
import type { Schemas } from '@/api/client';

export type Deputy = Schemas['DeputyDto'];
export type DeputyListItem = Schemas['DeputyListItemDto'];
export type Seat = Schemas['SeatDto'];
export type SeatLevel = Schemas['SeatLevel'];
export type SeatStatus = Schemas['SeatStatus'];
export type ConsentItem = Schemas['ConsentItem'];

export const SEAT_LEVELS: SeatLevel[] = ['Township', 'District', 'City', 'Province', 'National'];
export const SEAT_STATUSES: SeatStatus[] = ['Serving', 'Resigned', 'TermEnded', 'Terminated'];
export const CONSENT_ITEMS: ConsentItem[] = ['Phone', 'Email', 'Photo', 'WorkUnit'];

export const deputiesKey = ['deputies', 'deputies'] as const;

/** The tenant's groups (代表小组): the groups page and the list's group filter share this cache entry. */
export const groupsKey = ['deputies', 'groups'] as const;

export const DEFAULT_PAGE_SIZE = 20;

/**
 * The list's filter. Other pages of the module add theirs here (group, points band…): the address bar, the API query
 * and the export filter all follow from this one object.
 */
export interface RegistryFilter {
  search?: string;
  level?: SeatLevel;
  status?: SeatStatus;
  term?: number;
  /** A group of the tenant (代表小组). */
  groupId?: string;
  /** A liaison station the deputy is assigned to (联络站). */
  stationId?: string;
  /** This year's duty points, bounds included. */
  minPoints?: number;
  maxPoints?: number;
  page: number;
  pageSize: number;
}

export function readFilter(params: URLSearchParams): RegistryFilter {
  const level = params.get('level') as SeatLevel | null;
  const status = params.get('status') as SeatStatus | null;
  const term = Number(params.get('term'));
  const points = (name: string) => {
    const raw = params.get(name);
    const value = raw === null || raw === '' ? NaN : Number(raw);
    return Number.isInteger(value) && value >= 0 && value <= 1_000_000 ? value : undefined;
  };
  const groupId = params.get('group');
  const stationId = params.get('station');
  const guid = (value: string | null) => (value && /^[0-9a-f-]{36}$/i.test(value) ? value : undefined);
  return {
    search: params.get('q')?.trim() || undefined,
    level: level && SEAT_LEVELS.includes(level) ? level : undefined,
    status: status && SEAT_STATUSES.includes(status) ? status : undefined,
    term: Number.isInteger(term) && term >= 1 && term <= 99 ? term : undefined,
    groupId: guid(groupId),
    stationId: guid(stationId),
    minPoints: points('minPoints'),
    maxPoints: points('maxPoints'),
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: Math.min(200, Math.max(1, Number(params.get('pageSize')) || DEFAULT_PAGE_SIZE)),
  };
}

export function writeFilter(filter: RegistryFilter): URLSearchParams {
  const result = new URLSearchParams();
  if (filter.search) result.set('q', filter.search);
  if (filter.level) result.set('level', filter.level);
  if (filter.status) result.set('status', filter.status);
  if (filter.term) result.set('term', String(filter.term));
  if (filter.groupId) result.set('group', filter.groupId);
  if (filter.stationId) result.set('station', filter.stationId);
  if (filter.minPoints !== undefined) result.set('minPoints', String(filter.minPoints));
  if (filter.maxPoints !== undefined) result.set('maxPoints', String(filter.maxPoints));
  if (filter.page > 1) result.set('page', String(filter.page));
  if (filter.pageSize !== DEFAULT_PAGE_SIZE) result.set('pageSize', String(filter.pageSize));
  return result;
}

/** The export's filter: the list's, without paging (deputies.deputies export source). */
export const exportFilter = ({ search, level, status, term, groupId, stationId, minPoints, maxPoints }: RegistryFilter) => ({
  search,
  level,
  status,
  term,
  groupId,
  stationId,
  minPoints,
  maxPoints,
});

/** The query of the list's API call: the filter as the API names it. */
export const listQuery = (filter: RegistryFilter) => ({
  search: filter.search,
  level: filter.level,
  status: filter.status,
  term: filter.term,
  groupId: filter.groupId,
  stationId: filter.stationId,
  minPoints: filter.minPoints,
  maxPoints: filter.maxPoints,
  page: filter.page,
  pageSize: filter.pageSize,
});

export interface ImportRowError {
  row: number;
  column: string;
  message: string;
}

/** The rows of a refused import (problem details `rows`), or undefined when the answer is not such a report. */
export function readImportRows(problem: unknown): ImportRowError[] | undefined {
  if (!problem || typeof problem !== 'object') return undefined;
  const rows = (problem as { rows?: unknown }).rows;
  if (!Array.isArray(rows)) return undefined;
  return rows
    .filter((r): r is ImportRowError => !!r && typeof r === 'object' && typeof (r as ImportRowError).row === 'number')
    .map((r) => ({ row: r.row, column: String(r.column ?? ''), message: String(r.message ?? '') }));
}

/** How many rows of the file have errors. */
export const badRowCount = (rows: ImportRowError[]) => new Set(rows.map((r) => r.row)).size;

function csvField(value: string): string {
  // Text Excel would evaluate gets a leading apostrophe; quotes, commas and line breaks are quoted (RFC 4180).
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** The error report as a CSV for Excel: UTF-8 with a byte-order mark, CRLF, the given Chinese headers. */
export function reportCsv(rows: ImportRowError[], headers: [string, string, string]): string {
  const lines = [headers, ...rows.map((r) => [String(r.row), r.column, r.message])].map((cells) => cells.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** 第十七届 for 17 (as the server writes it in exports). */
export function termName(term: number): string {
  const digits = '零一二三四五六七八九';
  const n =
    term < 10 ? digits[term] : term === 10 ? '十' : term < 20 ? `十${digits[term % 10]}` : `${digits[Math.floor(term / 10)]}十${term % 10 ? digits[term % 10] : ''}`;
  return `第${n}届`;
}
