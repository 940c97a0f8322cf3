// The party-id grammar, written once: the extractor's slugs match it, the REST layer refuses any
// other id, and read models rely on it (a party id is safe in a claim key, a URL and an HTML page).

/** Lowercase ASCII letters and digits in words joined by single hyphens: `united-states`, `ttp`. */
export const PARTY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const PARTY_ID_MAX_LENGTH = 100;

/** Said to a person whose party id was refused. */
export const PARTY_ID_RULE =
  'a party id is a lowercase slug such as "united-states": ASCII letters a-z, digits and single hyphens, at most 100 characters';

export const isPartyId = (value: string): boolean => value.length <= PARTY_ID_MAX_LENGTH && PARTY_ID.test(value);
