// Report-backs (述职) with their public ballots, quarterly reports and reminder letters, as the pages use them.
import { saveBlob } from '@/components/saveBlob';
import { api, call, type Schemas } from './client';

export type ReportBack = Schemas['ReportBackDto'];
export type ReportBackSummary = Schemas['ReportBackSummaryDto'];
export type QuarterlyReport = Schemas['QuarterlyReportDto'];
export type ReminderLetter = Schemas['ReminderLetterDto'];
export type PublicBallot = Schemas['PublicBallotDto'];

export const reportBacksKey = ['deputies', 'report-backs'] as const;
export const quarterlyKey = ['deputies', 'quarterly'] as const;

export const listReportBacks = (query: { year?: number; deputyId?: string }) =>
  call(api.GET('/api/deputies/report-backs', { params: { query } }));

export async function downloadQrCode(id: string, format: 'Png' | 'Svg', name: string) {
  const blob = await call(
    api.GET('/api/deputies/report-backs/{id}/ballot/qr-code', { params: { path: { id }, query: { format } }, parseAs: 'blob' }),
  );
  saveBlob(blob as Blob, `${name}.${format.toLowerCase()}`);
}

export async function downloadReport(report: Pick<QuarterlyReport, 'id' | 'deputyName' | 'year' | 'quarter'>) {
  const blob = await call(api.GET('/api/deputies/quarterly-reports/{id}/document', { params: { path: { id: report.id } }, parseAs: 'blob' }));
  saveBlob(blob as Blob, `${report.deputyName}${report.year}年第${report.quarter}季度履职档案.docx`);
}

export async function downloadLetter(letter: Pick<ReminderLetter, 'id' | 'deputyName' | 'year' | 'quarter'>) {
  const blob = await call(api.GET('/api/deputies/reminder-letters/{id}/document', { params: { path: { id: letter.id } }, parseAs: 'blob' }));
  saveBlob(blob as Blob, `温馨提示函-${letter.deputyName}-${letter.year}年第${letter.quarter}季度.docx`);
}

/** The quarter that ended last (Beijing calendar is close enough in the browser for a default). */
export function lastQuarter(today = new Date()): { year: number; quarter: number } {
  const current = Math.floor(today.getMonth() / 3) + 1;
  return current === 1 ? { year: today.getFullYear() - 1, quarter: 4 } : { year: today.getFullYear(), quarter: current - 1 };
}
