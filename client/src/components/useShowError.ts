// Shows a failed API call to the user: a message with the problem's detail, or a notification when the problem
// also carries field messages that no form field shows. Pass a form to put field errors on its fields.
import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { applyFieldErrors, asApiError } from '@/api/problem';

export function useShowError() {
  const { message, notification } = App.useApp();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      const problem = asApiError(error);
      const unmatched = form ? applyFieldErrors(form, problem) : problem.fieldMessages;
      if (unmatched.length > 0) {
        notification.error({ title: problem.message, description: unmatched.join('\n') });
      } else {
        void message.error(problem.message);
      }
      return problem;
    },
    [message, notification],
  );
}
