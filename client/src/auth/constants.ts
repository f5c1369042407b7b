// The web client's registration at our provider (no library imports: the entry script reads these before anything loads).
export const CLIENT_ID = 'congress-spa';
export const CALLBACK_PATH = '/auth/callback';
