// People: a name becomes a mention of someone met before, of a known office holder, or of someone
// new; a person given a role ("the foreign minister X") takes the role's parties.
import { officeHolderIndex } from '../parties/office-holders.js';
import { NAME_PARTICLES, NAME_SUFFIXES } from './lexicon.js';
import { isNameToken, type MentionContext } from './mention-context.js';
import type { Entity, Mention } from './types.js';

export const nameMention = (ctx: MentionContext, from: number, to: number): Mention => {
  const { t, d, text, make } = ctx;
  const names = t
    .slice(from, to)
    .filter((x) => isNameToken(x) && !NAME_SUFFIXES.has(x.norm) && !NAME_PARTICLES.has(x.norm))
    .map((x) => x.norm);
  const entity = names.length ? d.findPerson(names) : undefined;
  if (entity) return make(from, to, entity.parties.length ? 'person' : 'name', entity.parties, { entity, role: entity.role ?? undefined });
  // "President Xi Jinping", "Modi": a known office holder speaks for their party without a country word.
  const holder = names.length ? officeHolderIndex().lookup(names) : null;
  const fresh: Entity = { names, display: text(from, to), parties: holder ? [holder.party] : [], role: null, person: true };
  if (names.length) d.addEntity(fresh);
  return make(from, to, holder ? 'person' : 'name', fresh.parties, { entity: fresh });
};

export const personWithRole = (ctx: MentionContext, p: Mention, parties: string[], role: string): Mention => {
  const { d } = ctx;
  const entity = p.entity!;
  if (parties.length) entity.parties = parties;
  entity.role = role;
  d.index(entity);
  return { ...p, kind: entity.parties.length ? 'person' : 'name', parties: entity.parties, role };
};
