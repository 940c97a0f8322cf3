import type { ArticleRef, PartyRef, SourceRef } from './types.js';

export const parties = (refs: PartyRef[]): string => (refs.length ? refs.map((r) => r.party ?? `“${r.mention}”`).join(', ') : '—');
export const sourceText = (s: SourceRef): string =>
  [s.mention || (s.party ?? 'the outlet'), s.cue && `(${s.cue})`, s.via && `via ${s.via}`].filter(Boolean).join(' ');
/** What names an article: `lead` is its body's first words (src/domain/article-lead.ts), where the answer carries them. */
export type Labelled = Pick<ArticleRef, 'title' | 'articleId'> & { dateline?: string | null; lead?: string | null };

/**
 * One name for an article everywhere: its headline; without one, its dateline and first words
 * ("ISLAMABAD — Pakistan said on Monday…"), the id's first digits standing in for words not known.
 */
export const articleTitle = (a: Labelled): string => a.title ?? [a.dateline, a.lead || `article ${a.articleId.slice(0, 8)}`].filter(Boolean).join(' — ');
export const when = (iso: string | null | undefined): string => (iso ? new Date(iso).toISOString().slice(0, 16).replace('T', ' ') : '—');
export const day = (iso: string): string => iso.slice(0, 10);
