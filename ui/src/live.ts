// One EventSource for the tab. Pages re-read when `version` moves (debounced: an article is many
// events), and the banner reads `status`. The hook re-renders its component on every notification.
import { useEffect, useState } from 'preact/hooks';
import type { LiveChange, LiveStatus } from './types.js';

interface LiveState {
  connected: boolean;
  version: number;
  status: LiveStatus | null;
  /** Newest first, at most 200: what arrived since the page opened. */
  changes: LiveChange[];
}

const state: LiveState = { connected: false, version: 0, status: null, changes: [] };
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());
let source: EventSource | null = null;
let bump: ReturnType<typeof setTimeout> | null = null;

const connect = (): void => {
  if (source) return;
  source = new EventSource('/live');
  source.onopen = () => { state.connected = true; notify(); };
  // EventSource reconnects by itself; the page only says so meanwhile.
  source.onerror = () => { state.connected = false; notify(); };
  source.addEventListener('status', (e) => {
    state.status = JSON.parse((e as MessageEvent<string>).data) as LiveStatus;
    notify();
  });
  source.addEventListener('change', (e) => {
    const change = JSON.parse((e as MessageEvent<string>).data) as LiveChange;
    state.changes = [change, ...state.changes].slice(0, 200);
    if (bump) clearTimeout(bump);
    bump = setTimeout(() => { state.version++; notify(); }, 150);
    notify();
  });
};

export const useLive = (): LiveState => {
  const [, setTick] = useState(0);
  useEffect(() => {
    connect();
    const l = () => setTick((t) => t + 1);
    listeners.add(l);
    return () => { listeners.delete(l); };
  }, []);
  return state;
};
