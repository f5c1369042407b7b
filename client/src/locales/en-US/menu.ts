import type { Messages } from '../types';

export default {
  home: 'Dashboard',
  system: 'Administration',
  'system.tenants': 'Organisations',
  'system.handling-units': 'Handling units',
  'system.jobs': 'Scheduled jobs',
  'system.exports': 'My exports',
  'system.calendar': 'Working-day calendar',
  'system.audit': 'Audit log',
  'system.users': 'Users',
  'system.users.detail': 'User',
  // ----- Deputies registry (deputies-reg) -----
  deputies: 'Deputies',
  'deputies.registry': 'Registry',
  'deputies.registry.detail': 'Deputy file',
  // ----- end registry -----
  profile: 'My account',
  'profile.info': 'Profile',
  'profile.security': 'Password and authenticator',
  notifications: 'Notifications',
  'system.notification-channels': 'Notification channels',
  'profile.notifications': 'Notification preferences',
} satisfies Messages['menu'];
