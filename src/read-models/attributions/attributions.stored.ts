// The attributions read model in the read-model store: per claim key and variant (live claims, or
// all with the retracted ones) a summary row with the counts GET /attributions lists and filters
// by, a row per independent source of its asserted claims and a count per article. Each claim's
// contribution is added or taken away as it is recorded, corrected, retracted or its article
// (re)arrives; the reference is attributions.projection.ts with the claims read model it joins.
import type { ReadModelWriter } from '../../read-model-store/read-model-store.js';
import { claimKey, independentSource, parseClaimKey, sourceKey } from '../claim-key.js';
import type { ProjectedEvent } from '../projection.js';
import { isClaimEvent } from '../shared/claim-events.js';
import { effectiveTime } from '../shared/dates.js';
import { isoTime } from '../shared/iso-time.js';
import { copyLinkOf, reportingOutlet } from '../shared/reporting-outlet.js';
import { defineStoredReadModel } from '../stored-read-model.js';
import { attributionsProjection, correctedKey } from './attributions.projection.js';
import {
  ATTRIBUTION_ARTICLES,
  ATTRIBUTION_CLAIMS,
  ATTRIBUTIONS_TABLES,
  KEY_ARTICLES,
  KEY_SOURCES,
  KEY_SUMMARIES,
  rowKey,
  term,
  type AttributionArticleDoc,
  type AttributionClaimDoc,
  type KeySourceDoc,
  type KeySummaryDoc,
  type Variant,
} from './attributions.tables.js';
import { corroborationStatus } from './corroboration.js';

/** Sources rank before claims: a summary's sort is minus (sources × RANK + claims). */
const RANK = 2 ** 26;

const bump = (counts: Record<string, number>, key: string, by: number): void => {
  const n = (counts[key] ?? 0) + by;
  if (n > 0) counts[key] = n;
  else delete counts[key];
};

/** What the list filters select a summary by. */
export const summaryTerms = (variant: Variant, s: KeySummaryDoc): string[] => {
  const parts = parseClaimKey(s.key);
  const terms = [term.variant(variant), term.status(corroborationStatus(s.sources))];
  if (!parts) return terms;
  terms.push(term.type(parts.type), ...parts.actors.map(term.actor), ...parts.targets.map(term.target));
  terms.push(...[...parts.actors, ...parts.targets].map(term.party));
  terms.push(...Object.keys(s.topics).map(term.topic), ...Object.keys(s.sourceKeys).map(term.source));
  return terms;
};

const putSummary = (w: ReadModelWriter, variant: Variant, s: KeySummaryDoc): void => {
  const key = rowKey.summary(variant, s.key);
  if (!s.claims) return w.remove(KEY_SUMMARIES, key);
  w.put(KEY_SUMMARIES, { key, doc: s, sort: -(s.sources * RANK + s.claims), terms: summaryTerms(variant, s) });
};

/** Adds or takes away an asserted claim from its independent source's row; returns the change in the key's number of sources. */
const countSource = (w: ReadModelWriter, variant: Variant, c: AttributionClaimDoc, article: AttributionArticleDoc | undefined, by: 1 | -1): number => {
  const outlet = article?.outlet ?? null;
  const source = independentSource(c.source, reportingOutlet(article));
  const key = rowKey.source(variant, c.key, source);
  const found = w.get(KEY_SOURCES, key);
  const row: KeySourceDoc = found ?? { source, party: c.source.party, mentions: {}, outlets: {}, claims: 0 };
  if (c.source.mention) bump(row.mentions, c.source.mention, by);
  if (outlet) bump(row.outlets, outlet, by);
  row.claims += by;
  if (row.claims <= 0) {
    w.remove(KEY_SOURCES, key);
    return found ? -1 : 0;
  }
  w.put(KEY_SOURCES, { key, doc: row, sort: -row.claims, terms: [term.ofKey(variant, c.key)] });
  return found ? 0 : 1;
};

/** Adds or takes away a claim from its article's count in the key; returns the change in the key's number of articles. */
const countArticle = (w: ReadModelWriter, variant: Variant, c: AttributionClaimDoc, by: 1 | -1, articleId = c.articleId): number => {
  const key = rowKey.article(variant, c.key, articleId);
  const before = w.get(KEY_ARTICLES, key)?.claims ?? 0;
  const after = before + by;
  if (after > 0) w.put(KEY_ARTICLES, { key, doc: { claims: after } });
  else w.remove(KEY_ARTICLES, key);
  return (after > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
};

/** Adds (+1) or takes away (-1) a claim from its key's summary in one variant. */
const contribute = (w: ReadModelWriter, variant: Variant, c: AttributionClaimDoc, article: AttributionArticleDoc | undefined, by: 1 | -1): void => {
  const s: KeySummaryDoc = w.get(KEY_SUMMARIES, rowKey.summary(variant, c.key)) ?? {
    key: c.key,
    claims: 0,
    asserted: 0,
    articles: 0,
    sources: 0,
    reports: 0,
    topics: {},
    sourceKeys: {},
  };
  s.claims += by;
  for (const topic of new Set(c.topics)) bump(s.topics, topic, by);
  bump(s.sourceKeys, sourceKey(c.source), by);
  s.articles += countArticle(w, variant, c, by);
  // Stories are counted like articles, under `story:` rows: a copy counts as its original.
  s.reports += countArticle(w, variant, c, by, `story:${article?.copyOf?.articleId ?? c.articleId}`);
  if (c.polarity === 'asserted') {
    s.asserted += by;
    s.sources += countSource(w, variant, c, article, by);
  }
  putSummary(w, variant, s);
};

const variantsOf = (c: AttributionClaimDoc): Variant[] => (c.retracted ? ['all'] : ['live', 'all']);

/** The claims read model's time of a claim: its article's, once known. */
const timeOf = (c: AttributionClaimDoc, article: AttributionArticleDoc | undefined): number =>
  article === undefined || Number.isNaN(article.time) ? c.recordedAt : article.time;

const add = (w: ReadModelWriter, c: AttributionClaimDoc, article = w.get(ATTRIBUTION_ARTICLES, c.articleId)): void => {
  const terms = [term.article(c.articleId), ...variantsOf(c).map((v) => term.ofKey(v, c.key))];
  if (c.polarity === 'asserted') {
    const source = independentSource(c.source, reportingOutlet(article));
    terms.push(...variantsOf(c).map((v) => term.bySource(v, c.key, source)));
  }
  w.put(ATTRIBUTION_CLAIMS, { key: c.claimId, doc: c, sort: timeOf(c, article), terms });
  for (const variant of variantsOf(c)) contribute(w, variant, c, article, 1);
};

const remove = (w: ReadModelWriter, c: AttributionClaimDoc, article = w.get(ATTRIBUTION_ARTICLES, c.articleId)): void => {
  for (const variant of variantsOf(c)) contribute(w, variant, c, article, -1);
  w.remove(ATTRIBUTION_CLAIMS, c.claimId);
};

/** A syndicated copy reports as its original (the first recognition stands): its claims count again so. */
const recogniseCopy = (w: ReadModelWriter, articleId: string, originalArticleId: string): void => {
  const article = w.get(ATTRIBUTION_ARTICLES, articleId);
  if (!article || article.copyOf) return;
  const original = w.get(ATTRIBUTION_ARTICLES, originalArticleId);
  ingest(w, articleId, { ...article, copyOf: copyLinkOf(article, originalArticleId, original) });
};

/** An article (again): its claims leave with the old time and outlet and come back with the new. */
const ingest = (w: ReadModelWriter, articleId: string, article: AttributionArticleDoc): void => {
  const old = w.get(ATTRIBUTION_ARTICLES, articleId);
  const claims = w.find({ table: ATTRIBUTION_CLAIMS, all: [term.article(articleId)], count: false }).rows.map((r) => r.doc);
  for (const c of claims) remove(w, c, old);
  w.put(ATTRIBUTION_ARTICLES, { key: articleId, doc: article });
  for (const c of claims) add(w, c, article);
};

export const storedAttributions = defineStoredReadModel({
  name: 'attributions',
  version: attributionsProjection.version,
  tables: ATTRIBUTIONS_TABLES,
  apply(w, { event, created }: ProjectedEvent) {
    if (event.type === 'ArticleIngested') {
      const { articleId, publishedAt, outlet } = event.data;
      // An article recorded again stays its story's copy, as the reference keeps it.
      const copyOf = w.get(ATTRIBUTION_ARTICLES, articleId)?.copyOf;
      ingest(w, articleId, { time: effectiveTime(publishedAt, isoTime(created)), outlet, ...(copyOf ? { copyOf } : {}) });
    } else if (event.type === 'CopyRecognised') {
      recogniseCopy(w, event.data.articleId, event.data.originalArticleId);
    } else if (isClaimEvent(event)) {
      const { claimId, articleId, source, polarity, topics } = event.data;
      const old = w.get(ATTRIBUTION_CLAIMS, claimId);
      if (old) remove(w, old);
      const key = claimKey({ type: event.type, ...event.data });
      add(w, { claimId, articleId, key, source, polarity, topics, retracted: false, recordedAt: Date.parse(isoTime(created)) });
    } else if (event.type === 'ClaimCorrected') {
      const old = w.get(ATTRIBUTION_CLAIMS, event.data.claimId);
      if (!old) return;
      const { changes } = event.data;
      remove(w, old);
      add(w, {
        ...old,
        key: correctedKey(old.key, changes),
        source: changes.source ?? old.source,
        polarity: changes.polarity ?? old.polarity,
        topics: changes.topics ?? old.topics,
      });
    } else if (event.type === 'ClaimRetracted') {
      const old = w.get(ATTRIBUTION_CLAIMS, event.data.claimId);
      if (!old || old.retracted) return;
      remove(w, old);
      add(w, { ...old, retracted: true });
    } else if (event.type === 'ArticleWithdrawn') {
      // Its claims leave every key, retracted ones too.
      for (const claimId of event.data.claimIds) {
        const old = w.get(ATTRIBUTION_CLAIMS, claimId);
        if (old) remove(w, old);
      }
      w.remove(ATTRIBUTION_ARTICLES, event.data.articleId);
    }
  },
});
