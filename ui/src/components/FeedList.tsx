// The feeds the desk's store follows and how each is doing: state, items brought in, last poll, last error.
import { get } from '../api.js';
import { when } from '../format.js';
import { useFetch } from '../use-fetch.js';
import { Loaded } from './common.js';

interface FeedSummary {
  feedId: string;
  url: string;
  state: 'active' | 'failing' | 'unsubscribed';
  itemsIngested: number;
  lastPollAt: string | null;
  nextPollAt: string | null;
  lastError: { at: string; reason: string } | null;
}

export const FeedList = ({ version }: { version: number }) => {
  const feeds = useFetch(() => get<{ feeds: FeedSummary[] }>('/feeds'), [version]);
  return (
    <Loaded fetched={feeds}>
      {({ feeds: list }) => list.length === 0 ? <p class="muted">No feeds. Subscribe with POST /feeds or <code>npm run cli -- feeds add URL</code>.</p> : (
        <ul class="list" id="feed-list">
          {list.map((f) => (
            <li key={f.feedId} data-state={f.state}>
              <span>{f.url}</span>
              <span class="muted"> · {f.state} · {f.itemsIngested} item(s) · last poll {f.lastPollAt ? when(f.lastPollAt) : 'never'}
                {f.nextPollAt ? ` · next ${when(f.nextPollAt)}` : ''}</span>
              {f.lastError && f.state === 'failing' ? <div class="muted">last error: {f.lastError.reason}</div> : null}
            </li>
          ))}
        </ul>
      )}
    </Loaded>
  );
};
