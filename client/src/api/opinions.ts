// Residents' opinions (社情民意): the public form's multipart submission with its Idempotency-Key, and the types.
import { currentLanguage } from '@/i18n';
import type { Schemas } from './client';
import { toApiError } from './problem';

export type PublicOpinionForm = Schemas['PublicOpinionFormDto'];
export type SubmittedOpinion = Schemas['SubmittedOpinionDto'];
export type PublicOpinionStatus = Schemas['PublicOpinionStatusDto'];
export type OpinionListItem = Schemas['OpinionListItemDto'];
export type OpinionDetail = Schemas['OpinionDetailDto'];
export type AssignedOpinion = Schemas['AssignedOpinionDto'];
export type OpinionStatus = OpinionDetail['status'];
export type OpinionSla = OpinionDetail['sla'];

export const opinionsKey = ['stations', 'opinions'] as const;

export const SLA_COLOR: Record<OpinionSla, string | undefined> = { None: undefined, Green: 'success', Amber: 'warning', Red: 'error' };

export interface OpinionFormValues {
  stationId: string;
  deputyId?: string;
  content: string;
  category?: string;
  contactName?: string;
  contactPhone?: string;
}

/** A new key for each form fill; the same key is sent again on every retry of that fill. */
export function newIdempotencyKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** POST /api/stations/public-opinions as multipart/form-data (the photos are files), with the fill's Idempotency-Key. */
export async function submitPublicOpinion(values: OpinionFormValues, photos: File[], idempotencyKey: string): Promise<SubmittedOpinion> {
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string' && value.trim()) form.append(name, value.trim());
  }
  for (const photo of photos) form.append('photos', photo, photo.name);
  const origin = globalThis.location?.origin ?? 'http://localhost';
  const request = new Request(`${origin}/api/stations/public-opinions`, {
    method: 'POST',
    body: form,
    headers: { 'Idempotency-Key': idempotencyKey, 'Accept-Language': currentLanguage() },
  });
  const response = await globalThis.fetch(request);
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw toApiError(response, body);
  return body as SubmittedOpinion;
}
