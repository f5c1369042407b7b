// The exports API as the pages use it: start an export of a list, download a finished one.
import { api, call, type Schemas } from './client';
import { saveBlob } from '@/components/saveBlob';

export type ExportJob = Schemas['ExportJobDto'];
export type ExportFormat = Schemas['ExportFormat'];

export const exportsKey = ['platform', 'exports'] as const;

/** Starts an export of `source` (an IExportSource's name) with the list's filter; small ones come back completed. */
export const startExport = (source: string, format: ExportFormat, filter: Record<string, unknown>) =>
  call(api.POST('/api/platform/exports', { body: { source, format, filter } }));

export async function downloadExport(job: Pick<ExportJob, 'id' | 'fileName'>) {
  const blob = await call(api.GET('/api/platform/exports/{id}/content', { params: { path: { id: job.id } }, parseAs: 'blob' }));
  saveBlob(blob as Blob, job.fileName ?? 'export');
}

export const isRunning = (job: Pick<ExportJob, 'status'>) => job.status === 'Queued' || job.status === 'Running';
