export type MentionKind = 'party' | 'person' | 'role' | 'name' | 'pronoun' | 'group' | 'other';

/** A person or office seen in the article, to which later short mentions resolve. */
export interface Entity {
  /** Normalised name tokens ("ishaq", "dar"); empty for an office without a name. */
  names: string[];
  display: string;
  parties: string[];
  /** Role family ("minister", "official"), if known. */
  role: string | null;
  person: boolean;
}

export interface Mention {
  /** Token range [from, to); appositions and relative clauses hanging on it are inside. */
  from: number;
  to: number;
  text: string;
  kind: MentionKind;
  /** Resolved party ids; empty when the mention names no known party. */
  parties: string[];
  plural: boolean;
  sentence: number;
  /** Role family of its head, for role mentions and people with a title. */
  role?: string;
  entity?: Entity;
  /** For "both sides" / "the four nations": how many, and candidate parties best first. */
  group?: { n: number; ranked: string[] };
  /** "we", "our", "I": the speaker of the surrounding quote. */
  firstPerson?: boolean;
}
