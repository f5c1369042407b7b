import type { Messages } from '../types';

export default {
  home: 'Dashboard',
  system: 'Administration',
  profile: 'My account',
  'profile.info': 'Profile',
  'profile.security': 'Password and authenticator',
} satisfies Messages['menu'];
