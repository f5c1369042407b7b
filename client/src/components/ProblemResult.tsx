// An antd Result for a failed API call or page: 403, 404 or error, with the problem-details message.
import { Button, Result, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, asApiError } from '@/api/problem';

export interface ProblemResultProps {
  /** The error (an ApiError from the API client, or anything thrown). */
  error?: unknown;
  /** Force a status (e.g. 403 from the route guard, 404 from the catch-all route). */
  status?: 403 | 404 | 500;
  onRetry?: () => void;
  extra?: ReactNode;
}

export default function ProblemResult({ error, status, onRetry, extra }: ProblemResultProps) {
  const { t } = useTranslation();
  const problem = error === undefined ? undefined : asApiError(error);
  const code = status ?? (problem?.status === 403 ? 403 : problem?.status === 404 ? 404 : 500);
  const title =
    code === 403 ? t('exception.forbiddenTitle') : code === 404 ? t('exception.notFoundTitle') : t('exception.errorTitle');
  const fallback = code === 403 ? t('exception.forbidden') : code === 404 ? t('exception.notFound') : t('exception.error');
  const message = problem?.message ?? fallback;
  const fieldMessages = problem instanceof ApiError ? problem.fieldMessages : [];
  return (
    <Result
      status={code === 403 ? '403' : code === 404 ? '404' : 'error'}
      title={title}
      subTitle={
        <div data-testid="problem-message">
          <div>{message}</div>
          {fieldMessages.map((m) => (
            <div key={m}>{m}</div>
          ))}
          {problem?.requestId ? (
            <Typography.Text type="secondary" copyable={{ text: problem.requestId }}>
              {t('common.requestId', { id: problem.requestId })}
            </Typography.Text>
          ) : null}
        </div>
      }
      extra={
        extra ?? [
          onRetry ? (
            <Button key="retry" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          ) : null,
          <Link key="home" to="/">
            <Button type="primary">{t('common.backHome')}</Button>
          </Link>,
        ]
      }
    />
  );
}
