// How the console writes sizes and times, the same on every page.
import dayjs from 'dayjs';

/** 1.2 MB, 35 KB, 512 B; — when unknown. */
export function formatSize(bytes: number | null | undefined): string {
  if (bytes == null) return '—';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** An instant from the API (UTC) in the browser's time, to the second; — when there is none. */
export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm:ss') : '—';
}
