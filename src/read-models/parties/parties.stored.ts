// The parties read model in the read-model store: per party, its claims by role with counts and
// source summaries kept in rows (see parties.tables.ts). Same meaning as parties.projection.ts.
import { isClaimEvent } from '../shared/claim-events.js';
import { applyClaimFacts } from '../shared/stored-claim-facts.js';
import { defineStoredReadModel } from '../stored-read-model.js';
import type { ProjectedEvent } from '../projection.js';
import { PartyChanges } from './party-changes.js';
import { labelsOf, partiesProjection, refsOf } from './parties.projection.js';
import { PARTIES_TABLES, partiesTables } from './parties.tables.js';

/** The mentions an event names parties by: the claim's, or a correction's new ones; null when it names none. */
const eventLabels = ({ event }: ProjectedEvent): Map<string, string> | null =>
  isClaimEvent(event) ? labelsOf(refsOf(event.data)) : event.type === 'ClaimCorrected' ? labelsOf(refsOf(event.data.changes)) : null;

export const storedParties = defineStoredReadModel({
  name: 'parties',
  version: partiesProjection.version,
  tables: PARTIES_TABLES,
  apply: (writer, event) => {
    const changes = new PartyChanges(eventLabels(event));
    applyClaimFacts(writer, partiesTables.facts, event, (before, after) => changes.change(before, after));
    changes.write(writer);
  },
});
