// Problems that are about one field although the API answers them without field errors (a 409 "the code is
// taken"): the page names the codes and the fields they belong to, and the message lands on that field.
import type { FormInstance } from 'antd';
import { ApiError } from '@/api/problem';

export function applyCodeError(
  form: Pick<FormInstance, 'setFields'>,
  error: unknown,
  fields: Record<string, string>,
): boolean {
  if (!(error instanceof ApiError) || !error.code) return false;
  const field = fields[error.code];
  if (!field) return false;
  form.setFields([{ name: field, errors: [error.message] }]);
  return true;
}

/** The API's optimistic-concurrency refusal (the record changed since it was read). */
export const isConcurrencyError = (error: unknown) => error instanceof ApiError && error.code === 'concurrency';
