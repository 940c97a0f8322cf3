import type { ArticleRef, PartyRef, SourceRef } from './types.js';

export const parties = (refs: PartyRef[]): string => (refs.length ? refs.map((r) => r.party ?? `“${r.mention}”`).join(', ') : '—');
export const sourceText = (s: SourceRef): string =>
  [s.mention || (s.party ?? 'the outlet'), s.cue && `(${s.cue})`, s.via && `via ${s.via}`].filter(Boolean).join(' ');
/** One name for an article everywhere: its headline, else its id's first digits. */
export const articleTitle = (a: Pick<ArticleRef, 'title' | 'articleId'>): string => a.title ?? `article ${a.articleId.slice(0, 8)}`;
export const when = (iso: string | null | undefined): string => (iso ? new Date(iso).toISOString().slice(0, 16).replace('T', ' ') : '—');
export const day = (iso: string): string => iso.slice(0, 10);
