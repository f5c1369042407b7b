// Before React renders anything: a console address opened in a tab without a session (a new tab, a bookmark,
// after sign-out) goes straight to the provider. Rendering the console only to find there is no user would
// build the layout, load its chunks and generate antd's styles once for nothing, then again after the callback.
import { CALLBACK_PATH, CLIENT_ID } from './constants';

/** Where oidc-client-ts keeps the signed-in user of this tab (its WebStorageStateStore key). */
export function userStorageKey(origin: string) {
  return `oidc.user:${origin}:${CLIENT_ID}`;
}

/** Whether this page load should go to the sign-in before rendering: a console path and no user in this tab. */
export function needsSignInFirst(location: Pick<Location, 'pathname' | 'origin'>, storage: Pick<Storage, 'getItem'>): boolean {
  const path = location.pathname;
  if (path === '/p' || path.startsWith('/p/') || path === CALLBACK_PATH) return false;
  return storage.getItem(userStorageKey(location.origin)) === null;
}
