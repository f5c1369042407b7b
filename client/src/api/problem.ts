// RFC 9457 problem details → an Error the pages show, and field errors → antd Form fields.
import type { FormInstance } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import i18n from '@/i18n';

export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: Record<string, string[]>;
  requestId?: string;
  traceId?: string;
}

/** An API call that did not succeed: status, the problem's `code`, its message and its field errors. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly title: string | undefined;
  readonly errors: Record<string, string[]>;
  readonly requestId: string | undefined;

  constructor(status: number, problem: ProblemDetails | undefined, fallback?: string) {
    super(problem?.detail || problem?.title || fallback || i18n.t('common.unknownError'));
    this.name = 'ApiError';
    this.status = status;
    this.code = problem?.code;
    this.title = problem?.title;
    this.errors = problem?.errors ?? {};
    this.requestId = problem?.requestId;
  }

  /** Every field message, flattened (for a notification when a form does not show the field). */
  get fieldMessages(): string[] {
    return Object.values(this.errors).flat();
  }
}

export function isProblemDetails(value: unknown): value is ProblemDetails {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return ['detail', 'title', 'status', 'code', 'errors'].some((k) => k in v);
}

/** Builds the ApiError of a failed response from its parsed body (openapi-fetch gives it as `error`). */
export function toApiError(response: Response, body: unknown): ApiError {
  if (isProblemDetails(body)) return new ApiError(response.status, body);
  const text = typeof body === 'string' && body.length > 0 && body.length < 300 ? body : undefined;
  return new ApiError(response.status, undefined, text ?? `${response.status} ${response.statusText}`.trim());
}

/** Turns an unknown thrown value into an ApiError (network failures become status 0). */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof TypeError) return new ApiError(0, undefined, i18n.t('common.networkError'));
  if (error instanceof Error) return new ApiError(0, undefined, error.message);
  return new ApiError(0, undefined);
}

/**
 * The API's field name (camelCase, as it returns it) → an antd NamePath:
 * `name` → ['name'], `address.city` → ['address', 'city'], `rules[0].points` → ['rules', 0, 'points'].
 */
export function toNamePath(field: string): (string | number)[] {
  return field
    .split(/\.|\[(\d+)\]/)
    .filter((part): part is string => part !== undefined && part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function sameName(a: NamePath, b: (string | number)[]) {
  const left = Array.isArray(a) ? a : [a];
  return left.length === b.length && left.every((p, i) => String(p) === String(b[i]));
}

/**
 * Puts the problem's field errors on the form's fields (form.setFields). Returns the messages of fields the form
 * does not have, so that the caller shows them (with the problem's detail) in a message or notification.
 */
export function applyFieldErrors(form: Pick<FormInstance, 'setFields' | 'getFieldsError'>, error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  const registered = form.getFieldsError().map((f) => f.name);
  const unmatched: string[] = [];
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  for (const [field, messages] of Object.entries(error.errors)) {
    const name = toNamePath(field);
    if (registered.some((r) => sameName(r, name))) fields.push({ name, errors: messages });
    else unmatched.push(...messages);
  }
  if (fields.length > 0) form.setFields(fields);
  return unmatched;
}
