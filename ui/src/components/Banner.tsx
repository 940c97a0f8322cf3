// Shown while read models are rebuilt or behind the store: answers may be older than the log.
import { useLive } from '../live.js';

/** "12" or "at least 10000": counts of events, as the server counted them. */
export const behindText = (s: { behind: number; behindAtLeast: boolean }): string => `${s.behindAtLeast ? 'at least ' : ''}${s.behind}`;

export const Banner = () => {
  const { status, connected } = useLive();
  if (status && status.following === 'reconnecting') {
    return (
      <div class="banner warn" role="status" id="reconnect-banner">
        The read models lost the event store and are reconnecting: answers may be behind.
      </div>
    );
  }
  if (status && status.rebuilding.length > 0) {
    const r = status.rebuilding[0];
    const upgraded = status.rebuilding.filter((v) => v.reason === 'version').map((v) => v.name);
    return (
      <div class="banner warn" role="status" id="rebuild-banner">
        Rebuilding {status.rebuilding.map((v) => v.name).join(', ')}: {r.processed} of {r.events} events replayed.
        {upgraded.length > 0
          ? ` ${upgraded.join(', ')} changed since their snapshot and answer only from newer events until it finishes.`
          : ' Answers come from the previous read models until it finishes.'}{' '}
        Behind: {behindText(status)} event(s).
      </div>
    );
  }
  if (status && status.behind > 0)
    return (
      <div class="banner" role="status" id="lag-banner">
        Read models are catching up: {behindText(status)} event(s) behind the store.
      </div>
    );
  if (!connected)
    return (
      <div class="banner muted" role="status">
        Live updates: connecting…
      </div>
    );
  return null;
};
