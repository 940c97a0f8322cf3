// Every event of one append has the same `created`, so an article and its claims ask for the same
// ISO string in a row: they get one string, not one copy each kept per claim.
let lastMs = Number.NaN;
let lastIso = '';

export const isoTime = (created: Date): string => {
  const ms = created.getTime();
  if (ms !== lastMs) {
    lastIso = created.toISOString();
    lastMs = ms;
  }
  return lastIso;
};
