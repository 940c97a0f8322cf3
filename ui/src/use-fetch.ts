import { useEffect, useState } from 'preact/hooks';

export interface Fetched<T> { data: T | null; error: Error | null; loading: boolean }

/**
 * Runs `load` whenever a dependency changes; an answer that arrives after a newer request started
 * is dropped, so a slider dragged quickly never shows an older position last. The previous data
 * stays on screen while the next answer is on its way, so live updates do not flicker.
 */
export const useFetch = <T,>(load: () => Promise<T>, deps: unknown[]): Fetched<T> => {
  const [state, setState] = useState<Fetched<T>>({ data: null, error: null, loading: true });
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error: Error) => current && setState({ data: null, error, loading: false }),
    );
    return () => { current = false; };
  }, deps);
  return state;
};
