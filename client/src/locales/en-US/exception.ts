import type { Messages } from '../types';

export default {
  forbiddenTitle: 'Access denied',
  forbidden: 'You may not open this page.',
  notFoundTitle: 'Page not found',
  notFound: 'The page does not exist or has moved.',
  errorTitle: 'Something went wrong',
  error: 'The page ran into an error. Please try again later.',
  reload: 'Reload',
} satisfies Messages['exception'];
