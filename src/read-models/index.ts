import { articlesProjection } from './articles/articles.projection.js';
import { attributionsProjection } from './attributions/attributions.projection.js';
import { claimsProjection } from './claims/claims.projection.js';
import { storedArticles } from './articles/articles.stored.js';
import { storedParties } from './parties/parties.stored.js';
import { storedSources } from './sources/sources.stored.js';
import { storedClaims } from './claims/claims.stored.js';
import { storedAttributions } from './attributions/attributions.stored.js';
import { storedConflicts } from './conflicts/conflicts.stored.js';
import { conflictsProjection } from './conflicts/conflicts.projection.js';
import { partiesProjection } from './parties/parties.projection.js';
import type { Projection, StateOf } from './projection.js';
import { sourcesProjection } from './sources/sources.projection.js';
import type { StoredReadModel } from './stored-read-model.js';
import { timelineReadModel } from './timeline/timeline.stored.js';

export type { ProjectedEvent, Projection } from './projection.js';
export type { ClaimsState } from './claims/claims.projection.js';
export type { PartiesState } from './parties/parties.projection.js';
export type { SourcesState } from './sources/sources.projection.js';
export type { ArticlesState } from './articles/articles.projection.js';
export type { AttributionsState } from './attributions/attributions.projection.js';
export type { ConflictsState } from './conflicts/conflicts.projection.js';

export { claimsProjection, partiesProjection, sourcesProjection, articlesProjection, attributionsProjection, conflictsProjection };

/**
 * The one list of read models: the runner feeds these, and their names (the REST names of
 * GET /projections and POST /projections/rebuild?name=) and states are typed from it.
 */
export const READ_MODELS = [claimsProjection, partiesProjection, sourcesProjection, articlesProjection, attributionsProjection, conflictsProjection] as const;

export type ReadModel = (typeof READ_MODELS)[number];
export type ReadModelName = ReadModel['name'];
/** Each read model's state by its name: what a query declares it reads is typed from this. */
export type ReadModelStates = { [M in ReadModel as M['name']]: StateOf<M> };

export const READ_MODEL_NAMES: ReadModelName[] = READ_MODELS.map((m) => m.name);

/** The registry as the runner holds it: states are opaque there. */
export const ALL_PROJECTIONS = READ_MODELS as readonly Projection<unknown>[];

/**
 * The one list of stored read models (read-model-store/): what the service's runner applies and
 * keeps in DATA_DIR/read-models.sqlite, and the names GET /projections shows. Each stored read
 * model is added here beside its in-memory reference (which READ_MODELS keeps for replays and tests).
 */
export const STORED_READ_MODELS = [
  timelineReadModel,
  storedClaims,
  storedArticles,
  storedParties,
  storedSources,
  storedAttributions,
  storedConflicts,
] as const satisfies readonly StoredReadModel[];

export type StoredReadModelName = (typeof STORED_READ_MODELS)[number]['name'];
