// The desk talks to the REST API only. Writes carry the stream revision read (If-Match), and the
// API key when the server wants one (reads too with READ_REQUIRES_KEY): asked once, kept for this
// tab in sessionStorage.
const KEY_STORE = 'claimtrail.apiKey';

export class ApiError extends Error {
  constructor(readonly status: number, readonly body: Record<string, unknown>) {
    super(typeof body.message === 'string' ? body.message : Array.isArray(body.message) ? body.message.join('; ') : `HTTP ${status}`);
  }
}

const query = (params: Record<string, string | number | boolean | undefined | null> = {}): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};

const bodyOf = async (res: Response): Promise<Record<string, unknown>> => {
  try {
    return (await res.json()) as Record<string, unknown>;
  } catch {
    return { message: `HTTP ${res.status}` };
  }
};

const withKey = (): Record<string, string> => {
  const key = sessionStorage.getItem(KEY_STORE);
  return key ? { authorization: `Bearer ${key}` } : {};
};

/** A GET, with the tab's key if it has one: a server with READ_REQUIRES_KEY asks for it once. */
export const get = async <T>(path: string, params?: Record<string, string | number | boolean | undefined | null>): Promise<T> => {
  let res = await fetch(`${path}${query(params)}`, { headers: { accept: 'application/json', ...withKey() } });
  if (res.status === 401 && keyGiven()) res = await fetch(`${path}${query(params)}`, { headers: { accept: 'application/json', ...withKey() } });
  if (!res.ok) throw new ApiError(res.status, await bodyOf(res));
  return (await res.json()) as T;
};

/** Every page of a list, up to `cap` items (the read routes page at 500 at most). */
export const getAll = async <T>(path: string, params: Record<string, string | undefined> = {}, cap = 2000): Promise<T[]> => {
  const items: T[] = [];
  for (let offset = 0; offset < cap; offset += 500) {
    const page = await get<{ items: T[]; total: number }>(path, { ...params, offset, limit: 500 });
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) break;
  }
  return items;
};

const askForKey = (): string | null =>
  window.prompt('This server wants your API key (an administrator issues it). Enter it (kept for this tab only):')?.trim() || null;

/** Asks for the key once per refusal: true when one was given (and kept for the tab). */
const keyGiven = (): boolean => {
  sessionStorage.removeItem(KEY_STORE);
  const given = askForKey();
  if (given) sessionStorage.setItem(KEY_STORE, given);
  return given !== null;
};

const ANALYST_STORE = 'claimtrail.analyst';
/** Who the analyst said they are (X-Analyst → recordedBy: analyst:<name>); kept in this browser. A personal key names its analyst instead. */
export const analystName = (): string => localStorage.getItem(ANALYST_STORE) ?? '';
export const setAnalystName = (name: string): void => localStorage.setItem(ANALYST_STORE, name.trim());

/** POSTs (or DELETEs) JSON against a revision; on 401 asks for the key once and tries again with it. */
export const write = async <T>(path: string, body: unknown, revision: string, method: 'POST' | 'DELETE' = 'POST'): Promise<T> => {
  const analyst = analystName();
  for (let attempt = 0; ; attempt++) {
    const key = sessionStorage.getItem(KEY_STORE);
    const res = await fetch(path, {
      method,
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'if-match': `"${revision}"`,
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(analyst ? { 'x-analyst': analyst } : {}),
      },
      body: JSON.stringify(body),
    });
    if (res.status === 401 && attempt === 0) {
      const given = askForKey();
      if (given) {
        sessionStorage.setItem(KEY_STORE, given);
        continue;
      }
    }
    if (res.status === 401) sessionStorage.removeItem(KEY_STORE);
    if (!res.ok) throw new ApiError(res.status, await bodyOf(res));
    return (await res.json()) as T;
  }
};
