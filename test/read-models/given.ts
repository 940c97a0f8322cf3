// Given-events builder for the read-model tests: articles and claims with sensible defaults,
// positions, revisions and times increasing as events are added.
import type { Claim, ClaimType, PartyRef, Polarity, SourceRef, Topic } from '../../src/domain/claim.js';
import type { ArticleEvent, ClaimCorrection } from '../../src/domain/events/index.js';
import type { ProjectedEvent, Projection } from '../../src/read-models/projection.js';

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

/** `ruritania` → a known party; `?tribal elders` → an unresolved one known by its mention. */
export const party = (name: string): PartyRef =>
  name.startsWith('?') ? { party: null, mention: name.slice(1) } : { party: name, mention: name[0].toUpperCase() + name.slice(1) };

export interface ClaimSpec {
  type?: ClaimType;
  actors?: string[];
  targets?: string[];
  /** A party name, or a full source. */
  source?: string | Partial<SourceRef>;
  topics?: Topic[];
  polarity?: Polarity;
  hedged?: boolean;
  content?: string;
  /** A piece of the article body; defaults to the article's first sentence. */
  evidence?: string;
  recordedBy?: string;
  /** The extractor's placement; absent: the read model's own sentence split decides. */
  sentence?: number;
  contrastCue?: string;
}

export interface ArticleMeta {
  title?: string | null;
  outlet?: string | null;
  publishedAt?: string | null;
}

export class Given {
  readonly events: ProjectedEvent[] = [];
  private position = 0n;
  private time = Date.parse('2031-03-01T08:00:00Z');
  private readonly revisions = new Map<string, bigint>();
  private readonly bodies = new Map<string, string>();
  /** copy id → its CopyRecognised, which a forced re-ingest records again. */
  private readonly copies = new Map<string, ArticleEvent>();
  private articles = 0;
  private claims = 0;
  /** Per article: its ArticleIngested, and its claim events as first recorded, less retracted ones. */
  private readonly ingested = new Map<string, ArticleEvent>();
  private readonly recorded = new Map<string, Map<string, ArticleEvent>>();
  /** Per article: every claim id in its stream since its last withdrawal, retracted ones too (what a withdrawal names). */
  private readonly inStream = new Map<string, Set<string>>();
  /** Articles withdrawn and not ingested again: the write side refuses claim writes on them. */
  readonly withdrawn = new Set<string>();

  private push(articleId: string, event: ArticleEvent): void {
    const streamName = `article-${articleId}`;
    const revision = (this.revisions.get(streamName) ?? -1n) + 1n;
    this.revisions.set(streamName, revision);
    this.time += 60_000;
    this.events.push({ event, position: this.position++, revision, streamName, created: new Date(this.time) });
    if (event.type === 'ArticleIngested') this.ingested.set(articleId, event);
    else if ('evidence' in event.data) {
      this.recorded.get(articleId)?.set(event.data.claimId, this.recorded.get(articleId)!.get(event.data.claimId) ?? event);
      this.inStream.set(articleId, (this.inStream.get(articleId) ?? new Set()).add(event.data.claimId));
    } else if (event.type === 'ClaimRetracted') this.recorded.get(articleId)?.delete(event.data.claimId);
  }

  article(body: string, meta: ArticleMeta = {}): string {
    const articleId = hex(++this.articles, 20);
    this.recorded.set(articleId, new Map());
    this.ingest(articleId, body, meta, `Article ${this.articles}`);
    return articleId;
  }

  /** Records an article again under its id (re-fetched: another date, outlet or title), its body kept. */
  rerecord(articleId: string, meta: ArticleMeta = {}): void {
    this.ingest(articleId, this.bodies.get(articleId) ?? '', meta, `Article ${parseInt(articleId, 16)} again`);
  }

  private ingest(articleId: string, body: string, meta: ArticleMeta, defaultTitle: string): void {
    this.bodies.set(articleId, body);
    this.push(articleId, {
      type: 'ArticleIngested',
      data: {
        articleId,
        title: meta.title === undefined ? defaultTitle : meta.title,
        outlet: meta.outlet === undefined ? 'Daily Ledger' : meta.outlet,
        url: null,
        publishedAt: meta.publishedAt === undefined ? '2031-03-01' : meta.publishedAt,
        dateline: null,
        section: null,
        body,
        contentHash: hex(parseInt(articleId, 16), 64),
      },
    });
  }

  claim(articleId: string, spec: ClaimSpec = {}): string {
    const claimId = `${articleId}-${hex(++this.claims, 12)}`;
    const body = this.bodies.get(articleId) ?? '';
    const text = spec.evidence ?? body.split(/(?<=\.)\s/)[0];
    const start = body.indexOf(text);
    if (start < 0) throw new Error(`evidence not in article ${articleId}: ${text}`);
    const source: SourceRef =
      typeof spec.source === 'string' || spec.source === undefined
        ? { ...party(spec.source ?? 'ruritania'), cue: 'said', via: null }
        : { party: null, mention: '', cue: 'said', via: null, ...spec.source };
    this.push(articleId, {
      type: spec.type ?? 'PledgeMade',
      data: {
        claimId,
        articleId,
        recordedBy: spec.recordedBy ?? 'test@1',
        actors: (spec.actors ?? ['ruritania']).map(party),
        targets: (spec.targets ?? []).map(party),
        content: spec.content ?? text,
        source,
        evidence: { text, start, end: start + text.length },
        hedged: spec.hedged ?? false,
        polarity: spec.polarity ?? 'asserted',
        topics: spec.topics ?? ['diplomacy'],
        ...(spec.sentence === undefined ? {} : { sentence: spec.sentence }),
        ...(spec.contrastCue === undefined ? {} : { contrastCue: spec.contrastCue }),
      },
    });
    return claimId;
  }

  /** Records a claim exactly as given (same id), e.g. a claim's final state from the claims read model. */
  recordAs(claim: Claim): void {
    const { type, ...data } = claim;
    this.push(claim.articleId, { type, data });
  }

  correct(claimId: string, changes: ClaimCorrection, reason = 'analyst review'): void {
    const articleId = claimId.split('-')[0];
    this.push(articleId, { type: 'ClaimCorrected', data: { claimId, articleId, changes, reason, recordedBy: 'analyst:kim' } });
  }

  retract(claimId: string, reason = 'not in the text'): void {
    const articleId = claimId.split('-')[0];
    this.push(articleId, { type: 'ClaimRetracted', data: { claimId, articleId, reason, recordedBy: 'analyst:kim' } });
  }

  withdraw(articleId: string, reason = 'a hoax'): void {
    const claimIds = [...(this.inStream.get(articleId) ?? [])];
    this.inStream.delete(articleId);
    this.push(articleId, {
      type: 'ArticleWithdrawn',
      data: { articleId, reason, recordedBy: 'analyst:kim', withdrawnAt: new Date(this.time).toISOString(), claimIds },
    });
    this.withdrawn.add(articleId);
  }

  /**
   * A forced re-ingest of a withdrawn article: ArticleIngested again, then the claims the same
   * extractor finds again, which are its live claims as first recorded, with the same ids.
   */
  reingest(articleId: string): void {
    const claims = [...this.recorded.get(articleId)!.values()];
    this.push(articleId, this.ingested.get(articleId)!);
    // Ingest recognises a copy again (the syndication index still holds it).
    const copy = this.copies.get(articleId);
    if (copy) this.push(articleId, copy);
    for (const claim of claims) this.push(articleId, claim);
    this.withdrawn.delete(articleId);
  }

  /** Records `copyId` as a syndicated copy of the story whose original is `originalId`. */
  copy(copyId: string, originalId: string, similarity = 0.8): void {
    const event: ArticleEvent = { type: 'CopyRecognised', data: { articleId: copyId, originalArticleId: originalId, similarity } };
    this.copies.set(copyId, event);
    this.push(copyId, event);
  }

  /** Whether other articles were recorded as copies of this one's story. */
  hasCopies(articleId: string): boolean {
    return [...this.copies.values()].some((e) => e.type === 'CopyRecognised' && e.data.originalArticleId === articleId);
  }

  /** Folds the events (or the first `count`) through a projection from its initial state. */
  fold<S>(projection: Projection<S>, count = this.events.length): S {
    return this.events.slice(0, count).reduce((s, e) => projection.apply(s, e), projection.initial());
  }
}

export const given = (): Given => new Given();
