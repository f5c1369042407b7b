import type { Messages } from '../types';

export default {
  appName: 'Grassroots People’s Congress Platform',
  appShortName: 'Congress Platform',
  loading: 'Loading…',
  retry: 'Retry',
  backHome: 'Back to home',
  none: 'None',
  yes: 'Yes',
  no: 'No',
  requestId: 'Request id: {{id}}',
  unknownError: 'The operation did not complete. Please try again later.',
  networkError: 'Cannot reach the server. Check the network and try again.',
  actions: 'Actions',
  create: 'New',
  edit: 'Edit',
  save: 'Save',
  cancel: 'Cancel',
  refresh: 'Refresh',
  status: 'Status',
  saved: 'Saved',
} satisfies Messages['common'];
