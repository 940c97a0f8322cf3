/** An analyst's name, as in `recordedBy: analyst:<name>`: from X-Analyst or a personal key. */
export const ANALYST_NAME = /^[A-Za-z0-9._@:-]{1,64}$/;
export const ANALYST_NAME_RULE = '1-64 letters, digits or . _ @ : -';
