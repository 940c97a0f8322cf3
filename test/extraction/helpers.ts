import type { ExtractedClaim } from '../../src/domain/claim-extractor.js';
import { createExtractor } from '../../src/extraction/index.js';

export const extract = (body: string): ExtractedClaim[] => createExtractor().extract({ body });

/** Compact view of a claim for assertions: party ids only. */
export const brief = (c: ExtractedClaim) => ({
  type: c.type,
  actors: c.actors.map((r) => r.party),
  targets: c.targets.map((r) => r.party),
  source: c.source.party,
});

export const only = (body: string): ReturnType<typeof brief> => {
  const claims = extract(body);
  if (claims.length !== 1) throw new Error(`expected one claim, got ${claims.length}: ${JSON.stringify(claims.map(brief))}`);
  return brief(claims[0]);
};
