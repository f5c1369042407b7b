import type { Messages } from '../types';

export default {
  title: 'Residents',
  subtitle: 'Deputies’ liaison stations · Residents’ opinions',
  intro:
    'This is the public area of the grassroots people’s congress platform: no registration or sign-in needed. Here you will find the deputies’ liaison stations near you, their reception hours, and a way to send your opinions and suggestions to the deputies.',
  comingTitle: 'Services are opening step by step',
  coming: 'Station addresses, reception hours and opinion collection will be listed on this page once they open. You can also scan the QR code posted at a station to go straight to its page.',
  staffLink: 'Staff sign-in',
  footer: 'Grassroots People’s Congress Platform',
} satisfies Messages['public'];
