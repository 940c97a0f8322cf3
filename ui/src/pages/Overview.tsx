// The desk's front page: the articles, the parties and the conflicts, each a way in.
import { get } from '../api.js';
import { Loaded, PartyLink } from '../components/common.js';
import { FeedList } from '../components/FeedList.js';
import { articleTitle, when } from '../format.js';
import { useLive } from '../live.js';
import { TYPE_LABEL, type ArticleSummary, type ClaimType, type Conflict, type Page, type PartySummary } from '../types.js';
import { useFetch } from '../use-fetch.js';
import { ConflictSummary } from './ComparePage.js';

const counts = (byType: Partial<Record<ClaimType, number>>): string =>
  Object.entries(byType)
    .map(([t, n]) => `${n} ${TYPE_LABEL[t as ClaimType] ?? t}`)
    .join(', ') || '—';

export const Overview = () => {
  const { version } = useLive();
  const articles = useFetch(() => get<Page<ArticleSummary>>('/articles', { limit: 100 }), [version]);
  const partyList = useFetch(() => get<Page<PartySummary>>('/parties', { limit: 100 }), [version]);
  const conflicts = useFetch(() => get<Page<Conflict>>('/conflicts', { limit: 50 }), [version]);
  return (
    <div class="overview">
      <section aria-labelledby="articles-h" class="card">
        <h2 id="articles-h">Articles</h2>
        <Loaded fetched={articles}>
          {(page) =>
            page.items.length === 0 ? (
              <p class="muted">No articles yet.</p>
            ) : (
              <ul class="list" id="article-list">
                {page.items.map((a) => (
                  <li key={a.articleId}>
                    <a href={`#/articles/${a.articleId}`}>{articleTitle(a)}</a>
                    <span class="muted">
                      {' '}
                      · {[a.outlet, a.title && a.dateline, `${a.claims} claim(s)`, when(a.publishedAt ?? a.recordedAt)].filter(Boolean).join(' · ')}
                    </span>
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </section>
      <section aria-labelledby="conflicts-h" class="card">
        <h2 id="conflicts-h">Conflicts</h2>
        <Loaded fetched={conflicts}>
          {(page) =>
            page.items.length === 0 ? (
              <p class="muted">No conflicting accounts found.</p>
            ) : (
              <ul class="list" id="conflict-list">
                {page.items.map((c) => (
                  <li key={c.id}>
                    <ConflictSummary conflict={c} />
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </section>
      <section aria-labelledby="feeds-h" class="card">
        <h2 id="feeds-h">Feeds</h2>
        <FeedList version={version} />
      </section>
      <section aria-labelledby="parties-h" class="card wide">
        <h2 id="parties-h">Parties</h2>
        <Loaded fetched={partyList}>
          {(page) => (
            <div class="table-wrap">
              <table class="parties" id="party-table">
                <thead>
                  <tr>
                    <th scope="col">Party</th>
                    <th scope="col">Asserted or did</th>
                    <th scope="col">Asserted about it</th>
                    <th scope="col">Cited as source</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((p) => (
                    <tr key={p.key}>
                      <th scope="row">
                        <PartyLink party={p.party ?? p.key} label={p.label} />
                      </th>
                      <td data-label="Asserted or did">{counts(p.asActor)}</td>
                      <td data-label="Asserted about it">{counts(p.asTarget)}</td>
                      <td data-label="Cited as source">{p.asSource}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Loaded>
      </section>
    </div>
  );
};
