// Hash routes, so the static server needs to know only index.html and every page has a link.
import { useEffect, useState } from 'preact/hooks';

export interface Route { path: string[]; params: URLSearchParams }

export const parseHash = (hash: string): Route => {
  const [path, search = ''] = hash.replace(/^#\/?/, '').split('?');
  return { path: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(search) };
};

export const href = (path: Array<string>, params: Record<string, string | undefined> = {}): string => {
  const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
  const s = q.toString();
  return `#/${path.map(encodeURIComponent).join('/')}${s ? `?${s}` : ''}`;
};

export const navigate = (to: string): void => {
  location.hash = to.replace(/^#/, '');
};

export const useRoute = (): Route => {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
};
