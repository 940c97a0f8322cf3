// The sources read model in the read-model store: per source and outlet its claims in listing
// order, with counts and carriers kept in rows (see sources.tables.ts). Same meaning as
// sources.projection.ts.
import { isClaimEvent } from '../shared/claim-events.js';
import { applyClaimFacts } from '../shared/stored-claim-facts.js';
import { defineStoredReadModel } from '../stored-read-model.js';
import { SourceChanges } from './source-changes.js';
import { outletKey, sourcesProjection } from './sources.projection.js';
import { SOURCES_TABLES, sourcesTables as T } from './sources.tables.js';

export const storedSources = defineStoredReadModel({
  name: 'sources',
  version: sourcesProjection.version,
  tables: SOURCES_TABLES,
  apply: (writer, event) => {
    if (event.event.type === 'ArticleIngested' && event.event.data.outlet) {
      const key = outletKey(event.event.data.outlet);
      if (!writer.get(T.outletNames, key)) writer.put(T.outletNames, { key, doc: { name: event.event.data.outlet } });
    }
    const changes = new SourceChanges(isClaimEvent(event.event));
    applyClaimFacts(writer, T.facts, event, (before, after) => changes.change(before, after));
    changes.write(writer);
  },
});
