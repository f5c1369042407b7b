import type { Messages } from '../types';

export default {
  redirecting: 'Taking you to the sign-in page…',
  signingIn: 'Completing the sign-in…',
  signingOut: 'Signing out…',
  failedTitle: 'Sign-in not completed',
  failed: 'The single sign-on did not complete: {{message}}',
  accessDenied: 'You hold no seat in the chosen organisation, or may not enter it.',
  signInAgain: 'Sign in again',
  sessionExpired: 'Your sign-in has expired. Please sign in again.',
} satisfies Messages['auth'];
