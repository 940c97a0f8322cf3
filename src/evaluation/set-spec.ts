// `--set name=gold.json:dir`: a named pair of reference file and article folder.

export interface EvalSet { name: string; gold: string; dir: string }

/** Splits at the first '=' and at the ':' after the gold file's .json, so folders may hold ':'. */
export const parseSetSpec = (spec: string): EvalSet => {
  const m = /^([^=]+)=(.+?\.json):(.+)$/.exec(spec);
  if (!m) throw new Error(`--set ${spec}: expected name=gold.json:folder`);
  return { name: m[1], gold: m[2], dir: m[3] };
};
