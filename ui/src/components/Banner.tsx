// Shown while views are rebuilt or behind the store: answers may be older than the log.
import { useLive } from '../live.js';

export const Banner = () => {
  const { status, connected } = useLive();
  if (status && status.rebuilding.length > 0) {
    const r = status.rebuilding[0];
    return (
      <div class="banner warn" role="status" id="rebuild-banner">
        Rebuilding {status.rebuilding.map((v) => v.name).join(', ')}: {r.processed} of {Number(r.target) + 1} events replayed.
        Answers come from the previous views until it finishes. Lag: {status.lag} event(s).
      </div>
    );
  }
  if (status && status.lag !== '0') return <div class="banner" role="status" id="lag-banner">Views are catching up: {status.lag} event(s) behind the store.</div>;
  if (!connected) return <div class="banner muted" role="status">Live updates: connecting…</div>;
  return null;
};
