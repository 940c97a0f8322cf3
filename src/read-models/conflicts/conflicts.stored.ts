// The conflicts read model in the read-model store: the same conflicts as the reference
// (conflicts.projection.ts), found the same way — a claim meets the claims of its article, the
// candidates of the cross-article rules (a find on their key term within WINDOW_MS) and the claims
// of its key within the denial window — but every fact and conflict is a row, so memory does not
// grow with the log. Only this read model's own tables are read (see conflicts.tables.ts).
import type { ReadModelWriter } from '../../read-model-store/read-model-store.js';
import { joinsKey } from './denials.js';
import { sourceKey } from '../claim-key.js';
import type { ProjectedEvent } from '../projection.js';
import { isClaimEvent } from '../shared/claim-events.js';
import { effectiveTime } from '../shared/dates.js';
import { isoTime } from '../shared/iso-time.js';
import { defineStoredReadModel } from '../stored-read-model.js';
import { deedKey, nearKey } from './candidates.js';
import { actorDisagreement, compareFacts, competingAccount, denies, keyOf, WINDOW_MS, type PairFinding } from './conflict-rules.js';
import { conflictsProjection } from './conflicts.projection.js';
import { conflictId, type Conflict } from './conflicts.state.js';
import { CONFLICT_ARTICLES, CONFLICT_COUNTS, CONFLICT_FACTS, CONFLICTS, CONFLICTS_TABLES, COUNT_ALL, term, type FactsDoc } from './conflicts.tables.js';
import type { ConflictKind } from './conflict-rules.js';
import { denialOf } from './denials.js';
import { correctedFacts, factsOf, pairConflict, type FactsArticle } from './facts.js';
import { indexSentences } from './sentences.js';

type Rule = (x: FactsDoc, y: FactsDoc) => PairFinding | null;

const factTerms = (f: FactsDoc): string[] => {
  const terms = [term.article(f.articleId)];
  if (f.within) terms.push(term.within(f.articleId));
  const near = nearKey(f);
  if (near !== null) terms.push(term.near(near));
  const deed = deedKey(f);
  if (deed !== null) terms.push(term.deed(deed));
  // A syndicated copy's claims take no part in denials (denials.ts joinsKey), as in the reference.
  if (joinsKey(f) && f.polarity === 'asserted') terms.push(term.asserted(keyOf(f)));
  if (joinsKey(f) && f.polarity === 'denied') terms.push(term.denied(keyOf(f)));
  return terms;
};

/** What the list filters select a conflict by: any of its claims' article, parties, source, type, topics. */
const conflictTerms = (conflict: Conflict, sides: readonly FactsDoc[]): string[] => {
  const terms = [term.kind(conflict.kind)];
  for (const f of sides) {
    terms.push(term.claim(f.claimId), term.article(f.articleId), term.source(f.sourceKey), term.type(f.type));
    for (const party of [...f.actors, ...f.targets]) terms.push(term.party(party));
    for (const topic of f.topics) terms.push(term.topic(topic));
  }
  return terms;
};

const count = (w: ReadModelWriter, kind: ConflictKind, by: 1 | -1): void => {
  for (const key of [COUNT_ALL, term.kind(kind)]) {
    w.put(CONFLICT_COUNTS, { key, doc: { conflicts: (w.get(CONFLICT_COUNTS, key)?.conflicts ?? 0) + by } });
  }
};

/** Sort: minus the latest claim time, so ascending is newest first, then id (the listing's order). */
const putConflict = (w: ReadModelWriter, conflict: Conflict, sides: readonly FactsDoc[]): void => {
  const { id, kind, basis, a, b, why } = conflict;
  const at = Math.max(...sides.map((f) => f.time));
  if (!w.get(CONFLICTS, id)) count(w, kind, 1);
  w.put(CONFLICTS, { key: id, doc: { id, kind, basis, a, b, why, at }, sort: -at, terms: conflictTerms(conflict, sides) });
};

const removeConflict = (w: ReadModelWriter, id: string): void => {
  const found = w.get(CONFLICTS, id);
  if (!found) return;
  count(w, found.kind, -1);
  w.remove(CONFLICTS, id);
};

/** Facts with `key` term within WINDOW_MS of time `t`. */
const near = (w: ReadModelWriter, key: string, t: number): FactsDoc[] =>
  w.find({ table: CONFLICT_FACTS, all: [key], from: t - WINDOW_MS, to: t + WINDOW_MS, count: false }).rows.map((r) => r.doc);

/** Sets the denial conflict of `denied` from the asserted claims of its key within its window now. */
const refreshDenial = (w: ReadModelWriter, denied: FactsDoc): void => {
  const asserted = near(w, term.asserted(keyOf(denied)), denied.t)
    .filter((f) => denies(denied, f))
    .sort(compareFacts);
  if (!asserted.length) return removeConflict(w, conflictId('denial', [denied.claimId]));
  putConflict(
    w,
    denialOf(
      denied,
      asserted.map((f) => f.claimId),
    ),
    [denied, ...asserted],
  );
};

const refreshDenialsNear = (w: ReadModelWriter, asserted: FactsDoc): void => {
  for (const denied of near(w, term.denied(keyOf(asserted)), asserted.t)) refreshDenial(w, denied);
};

const index = (w: ReadModelWriter, f: FactsDoc): void => {
  w.put(CONFLICT_FACTS, { key: f.claimId, doc: f, sort: f.t, terms: factTerms(f) });
  const meet = (g: FactsDoc, rule: Rule): void => {
    const finding = rule(f, g);
    if (finding) putConflict(w, pairConflict(f, g, finding), [f, g]);
  };
  // In its own article, every pair counts whatever the time; from other articles, the candidates.
  if (f.within) {
    for (const { doc: g } of w.find({ table: CONFLICT_FACTS, all: [term.within(f.articleId)], count: false }).rows) {
      if (g.claimId === f.claimId) continue;
      meet(g, competingAccount);
      meet(g, actorDisagreement);
    }
  }
  const nearTerm = nearKey(f);
  if (nearTerm !== null) for (const g of near(w, term.near(nearTerm), f.t)) if (g.articleId !== f.articleId) meet(g, competingAccount);
  const deedTerm = deedKey(f);
  if (deedTerm !== null) for (const g of near(w, term.deed(deedTerm), f.t)) if (g.articleId !== f.articleId) meet(g, actorDisagreement);
  if (!joinsKey(f)) return;
  if (f.polarity === 'denied') refreshDenial(w, f);
  if (f.polarity === 'asserted') refreshDenialsNear(w, f);
};

const unindex = (w: ReadModelWriter, f: FactsDoc): void => {
  w.remove(CONFLICT_FACTS, f.claimId);
  // Its pairs and its own denial go; the denials that opposed it are set again without it.
  for (const { key, doc } of w.find({ table: CONFLICTS, all: [term.claim(f.claimId)], count: false }).rows) {
    if (doc.kind !== 'denial' || doc.a[0] === f.claimId) removeConflict(w, key);
  }
  if (joinsKey(f) && f.polarity === 'asserted') refreshDenialsNear(w, f);
};

const update = (w: ReadModelWriter, claimId: string, next: FactsDoc | undefined): void => {
  const old = w.get(CONFLICT_FACTS, claimId);
  if (old) unindex(w, old);
  if (next) index(w, next);
};

/** The claims read model's time of a claim: its article's, once known. */
const listedTime = (article: FactsArticle | undefined, recordedAt: number): number =>
  article === undefined || Number.isNaN(article.t) ? recordedAt : article.t;

/** An article (again): claims recorded before it now show its time, and their conflicts move with it. */
const ingest = (w: ReadModelWriter, articleId: string, article: FactsArticle): void => {
  w.put(CONFLICT_ARTICLES, { key: articleId, doc: article });
  for (const { doc: f } of w.find({ table: CONFLICT_FACTS, all: [term.article(articleId)], count: false }).rows) {
    const time = listedTime(article, f.recordedAt);
    if (time === f.time) continue;
    w.put(CONFLICT_FACTS, { key: f.claimId, doc: { ...f, time }, sort: f.t, terms: factTerms(f) });
    for (const { doc: conflict } of w.find({ table: CONFLICTS, all: [term.claim(f.claimId)], count: false }).rows) {
      const sides = w.getMany(CONFLICT_FACTS, [...conflict.a, ...conflict.b]);
      putConflict(w, conflict, [...sides.values()]);
    }
  }
};

/** A syndicated copy is its original's story: its claims are never paired with the story's (the first recognition stands). */
const recogniseCopy = (w: ReadModelWriter, articleId: string, originalArticleId: string): void => {
  const article = w.get(CONFLICT_ARTICLES, articleId);
  if (!article || article.copyOf !== undefined) return;
  w.put(CONFLICT_ARTICLES, { key: articleId, doc: { ...article, copyOf: originalArticleId } });
  for (const { doc: f } of w.find({ table: CONFLICT_FACTS, all: [term.article(articleId)], count: false }).rows)
    update(w, f.claimId, { ...f, story: originalArticleId });
};

export const storedConflicts = defineStoredReadModel({
  name: 'conflicts',
  version: conflictsProjection.version,
  tables: CONFLICTS_TABLES,
  apply(w, { event, created }: ProjectedEvent) {
    if (event.type === 'ArticleIngested') {
      const { articleId, publishedAt, outlet, body } = event.data;
      // An article recorded again stays its story's copy, as the reference keeps it.
      const copyOf = w.get(CONFLICT_ARTICLES, articleId)?.copyOf;
      ingest(w, articleId, { t: effectiveTime(publishedAt, isoTime(created)), outlet, ...(copyOf ? { copyOf } : {}), ...indexSentences(body) });
    } else if (event.type === 'CopyRecognised') {
      recogniseCopy(w, event.data.articleId, event.data.originalArticleId);
    } else if (isClaimEvent(event)) {
      const { claimId, articleId, source } = event.data;
      const article = w.get(CONFLICT_ARTICLES, articleId);
      const recordedAt = Date.parse(isoTime(created));
      const facts = factsOf(article, event.type, event.data, recordedAt);
      update(w, claimId, { ...facts, time: listedTime(article, recordedAt), recordedAt, sourceKey: sourceKey(source), within: article !== undefined });
    } else if (event.type === 'ClaimCorrected') {
      const old = w.get(CONFLICT_FACTS, event.data.claimId);
      if (!old) return;
      const { changes } = event.data;
      const article = w.get(CONFLICT_ARTICLES, old.articleId);
      const next = { ...old, ...correctedFacts(article, old, changes), within: article !== undefined };
      if (changes.source) next.sourceKey = sourceKey(changes.source);
      update(w, old.claimId, next);
    } else if (event.type === 'ClaimRetracted') {
      update(w, event.data.claimId, undefined);
    } else if (event.type === 'ArticleWithdrawn') {
      // Each live claim of it leaves as a retracted one does, and its conflicts with it.
      for (const claimId of event.data.claimIds) update(w, claimId, undefined);
      w.remove(CONFLICT_ARTICLES, event.data.articleId);
    }
  },
});
