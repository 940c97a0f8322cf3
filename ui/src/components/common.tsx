import type { ComponentChildren } from 'preact';
import { TYPE_LABEL, type ClaimType } from '../types.js';
import type { Fetched } from '../use-fetch.js';

export const TypeChip = ({ type }: { type: ClaimType }) => (
  <span class={`chip t-${type}`} data-type={type}>{TYPE_LABEL[type] ?? type}</span>
);

export const PartyLink = ({ party, label }: { party: string | null; label?: string }) =>
  party ? <a href={`#/parties/${encodeURIComponent(party)}`}>{label ?? party}</a> : <span class="muted">{label ?? 'unknown'}</span>;

/** Loading and failure states of a fetched page, then the page itself. */
export const Loaded = <T,>({ fetched, children }: { fetched: Fetched<T>; children: (data: T) => ComponentChildren }) => {
  if (fetched.error) return <p class="error" role="alert">Could not load: {fetched.error.message}</p>;
  if (!fetched.data) return <p class="muted" aria-busy="true">Loading…</p>;
  return <>{children(fetched.data)}</>;
};

export const Legend = () => (
  <p class="legend" aria-label="claim types">
    {(Object.keys(TYPE_LABEL) as ClaimType[]).map((t) => <TypeChip key={t} type={t} />)}
  </p>
);
