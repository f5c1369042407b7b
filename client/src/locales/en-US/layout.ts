import type { Messages } from '../types';

export default {
  openMenu: 'Open the menu',
  collapseMenu: 'Collapse the menu',
  expandMenu: 'Expand the menu',
  navigation: 'Main navigation',
  tenant: 'Organisation',
  switchTenant: 'Switch organisation',
  switchTenantPlaceholder: 'Choose the organisation to enter',
  mySeats: 'My seats',
  supervisedTenants: 'Supervised organisations',
  switching: 'Switching to {{name}}…',
  userMenu: 'User menu',
  profile: 'Profile',
  notificationPreferences: 'Notification preferences',
  changePassword: 'Change password',
  myExports: 'My exports',
  authenticator: 'Authenticator',
  language: 'Language / 语言',
  signOut: 'Sign out',
  supervisedBadge: 'supervising',
  pageLoading: 'Opening the page…',
} satisfies Messages['layout'];
