import type { Messages } from '../types';

export default {
  account: 'Account',
  userName: 'User name',
  displayName: 'Name',
  phone: 'Mobile phone',
  notSet: 'Not registered',
  activeTenant: 'Current organisation',
  activeRoles: 'Current roles',
  seats: 'My seats',
  passwordTitle: 'Change password',
  passwordText:
    'Passwords are set only on the sign-in pages; this application never handles yours. The sign-in page asks for a new password at your first sign-in, after an administrator reset it, or when an administrator’s password has expired.',
  passwordHowTo:
    'To change your password now, ask your organisation’s administrator to reset it; at your next sign-in the sign-in page will ask you for a new password that only you know.',
  authenticatorTitle: 'Authenticator (second factor)',
  authenticatorOn: 'On: signing in asks for the six-digit code of your authenticator app.',
  authenticatorOff: 'Off.',
  authenticatorText:
    'System, security, audit and organisation administrators must use an authenticator, enrolled by scanning a QR code on the sign-in page at their first sign-in. If you change phones or lose it, contact the security administrator.',
  enabled: 'On',
  disabled: 'Off',
} satisfies Messages['profile'];
