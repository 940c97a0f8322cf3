import { articlesProjection } from './articles/articles.projection.js';
import { attributionsProjection } from './attributions/attributions.projection.js';
import { claimsProjection } from './claims/claims.projection.js';
import { conflictsProjection } from './conflicts/conflicts.projection.js';
import { partiesProjection } from './parties/parties.projection.js';
import type { Projection } from './projection.js';
import { sourcesProjection } from './sources/sources.projection.js';

export type { ProjectedEvent, Projection } from './projection.js';
export type { ClaimsState } from './claims/claims.projection.js';
export type { PartiesState } from './parties/parties.projection.js';
export type { SourcesState } from './sources/sources.projection.js';
export type { ArticlesState } from './articles/articles.projection.js';
export type { AttributionsState } from './attributions/attributions.projection.js';
export type { ConflictsState } from './conflicts/conflicts.projection.js';

export { claimsProjection, partiesProjection, sourcesProjection, articlesProjection, attributionsProjection, conflictsProjection };

/** Every view, fed by the projection runner; names are the REST view names. */
export const ALL_PROJECTIONS: Projection<unknown>[] = [
  claimsProjection, partiesProjection, sourcesProjection, articlesProjection, attributionsProjection, conflictsProjection,
] as Projection<unknown>[];

export const VIEW_NAMES = ['claims', 'parties', 'sources', 'articles', 'attributions', 'conflicts'] as const;
export type ViewName = (typeof VIEW_NAMES)[number];
