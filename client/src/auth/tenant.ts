// The last active tenant, remembered on this device and asked for at the next sign-in.
const KEY = 'congress.tenant';

export function lastTenant(): string | undefined {
  try {
    return globalThis.localStorage?.getItem(KEY) || undefined;
  } catch {
    return undefined;
  }
}

export function rememberTenant(code: string) {
  try {
    globalThis.localStorage?.setItem(KEY, code);
  } catch {
    // storage unavailable: nothing to remember
  }
}

export function forgetTenant() {
  try {
    globalThis.localStorage?.removeItem(KEY);
  } catch {
    // storage unavailable
  }
}
