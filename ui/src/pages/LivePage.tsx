// What arrives while the page is open: every event the read models apply comes over /live, grouped by
// article, with the article's claims as they stand now. No reload needed.
import { get } from '../api.js';
import { Loaded, PartyLink, TypeChip } from '../components/common.js';
import { articleTitle, parties } from '../format.js';
import { behindText } from '../components/Banner.js';
import { useLive } from '../live.js';
import type { Article } from '../types.js';
import { useFetch } from '../use-fetch.js';

const ARTICLE_STREAM = /^article-([0-9a-f]{20})$/;

export const LivePage = () => {
  const live = useLive();
  const byArticle = new Map<string, string[]>();
  for (const c of live.changes) {
    const id = ARTICLE_STREAM.exec(c.streamName)?.[1];
    if (id) byArticle.set(id, [...(byArticle.get(id) ?? []), c.type]);
  }
  return (
    <div class="stack">
      <h1>Live</h1>
      <p class="muted" role="status">
        {live.connected ? 'Connected: new claims appear here as the read models apply them.' : 'Connecting to the live feed…'}
        {live.status && <> The log holds {live.status.events} article event(s); the read models are {behindText(live.status)} behind.</>}
      </p>
      {byArticle.size === 0 ? <p class="muted" id="live-empty">Nothing new since this page opened.</p> : (
        <ol class="live-feed" id="live-feed">
          {[...byArticle].slice(0, 20).map(([id, types]) => (types[0] === 'ArticleWithdrawn'
            ? <LiveWithdrawn key={id} articleId={id} />
            : <LiveArticle key={id} articleId={id} types={types} version={live.version} />))}
        </ol>
      )}
    </div>
  );
};

/** Newest event a withdrawal: the article is in no read model any more; its page says why. */
const LiveWithdrawn = ({ articleId }: { articleId: string }) => (
  <li class="card live-article" data-article-id={articleId} data-withdrawn="true">
    <h2><a href={`#/articles/${articleId}`}>{articleTitle({ articleId, title: null })}</a> <span class="muted">withdrawn</span></h2>
  </li>
);

const LiveArticle = ({ articleId, types, version }: { articleId: string; types: string[]; version: number }) => {
  const fetched = useFetch(() => get<Article>(`/articles/${articleId}`, { includeRetracted: 'true' }), [articleId, version]);
  return (
    <li class="card live-article" data-article-id={articleId}>
      <Loaded fetched={fetched}>
        {(a) => (
          <>
            <h2><a href={`#/articles/${a.articleId}`}>{articleTitle(a)}</a></h2>
            <p class="muted">{types.length} new event(s), in log order: {[...new Set([...types].reverse())].join(', ')}</p>
            <ul class="list">
              {a.claimRefs.map((r) => (
                <li key={r.claimId} class={r.retracted ? 'is-retracted' : ''}>
                  <TypeChip type={r.type} /> {parties(r.claim.actors)} → {parties(r.claim.targets)}
                  <span class="muted"> according to </span><PartyLink party={r.claim.source.party} label={r.claim.source.mention || undefined} />
                </li>
              ))}
            </ul>
          </>
        )}
      </Loaded>
    </li>
  );
};
