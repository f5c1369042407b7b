// Whether this browser session has shown the deputy their archive: the home route sends a deputy there first, once.
const KEY = 'congress.deputies.my-archive-seen';

export function hasSeenMyArchive(): boolean {
  try {
    return sessionStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function markMyArchiveSeen(): void {
  try {
    sessionStorage.setItem(KEY, '1');
  } catch {
    // Storage refused (private mode): the deputy lands on the archive each time, which is harmless.
  }
}
