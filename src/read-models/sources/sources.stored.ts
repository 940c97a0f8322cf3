// The sources read model in the read-model store: per source and outlet its claims in listing
// order, with counts and carriers kept in rows (see sources.tables.ts). Same meaning as
// sources.projection.ts.
import type { ReadModelWriter } from '../../read-model-store/read-model-store.js';
import type { ProjectedEvent } from '../projection.js';
import { isClaimEvent } from '../shared/claim-events.js';
import { applyClaimFacts } from '../shared/stored-claim-facts.js';
import { defineStoredReadModel } from '../stored-read-model.js';
import { SourceChanges } from './source-changes.js';
import { outletKey, sourcesProjection, type SourceEntry } from './sources.projection.js';
import { SOURCES_TABLES, sourcesTables as T, type OutletDoc } from './sources.tables.js';

const addArticle = (writer: ReadModelWriter, outlet: string | null, by: 1 | -1, withdrawn: boolean): void => {
  const key = outletKey(outlet);
  const old = writer.get(T.outlets, key);
  const doc: OutletDoc = { name: old?.name ?? (by > 0 && outlet ? outlet : null), articles: (old?.articles ?? 0) + by };
  // As the reference: an outlet's name goes when its last article is withdrawn (not when one is recorded again under another).
  if (withdrawn && doc.articles <= 0) writer.remove(T.outlets, key);
  else writer.put(T.outlets, { key, doc });
};

/** Articles per outlet key, read before the facts move the article (its outlet before this event). */
const countOutlets = (writer: ReadModelWriter, { event }: ProjectedEvent): void => {
  if (event.type !== 'ArticleIngested' && event.type !== 'ArticleWithdrawn') return;
  const before = writer.get(T.facts.articles, event.data.articleId);
  if (before) addArticle(writer, before.outlet, -1, event.type === 'ArticleWithdrawn');
  if (event.type === 'ArticleIngested') addArticle(writer, event.data.outlet, 1, false);
};

/** Which entries the event labels anew when it empties and refills them (see SourceChanges). */
const relabelsOf = ({ event }: ProjectedEvent): Record<SourceEntry['kind'], boolean> => {
  const claim = isClaimEvent(event);
  return { source: claim, outlet: claim || (event.type === 'ClaimCorrected' && Boolean(event.data.changes.source)) };
};

export const storedSources = defineStoredReadModel({
  name: 'sources',
  version: sourcesProjection.version,
  tables: SOURCES_TABLES,
  apply: (writer, event) => {
    countOutlets(writer, event);
    const changes = new SourceChanges(relabelsOf(event));
    applyClaimFacts(writer, T.facts, event, (before, after) => changes.change(before, after));
    changes.write(writer);
  },
});
