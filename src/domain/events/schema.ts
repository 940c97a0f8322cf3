// A small schema language for event data: each schema gives the TypeScript type (Infer), the
// problems of a value with their paths (for reports) and a yes/no test that allocates nothing (for
// replay's hot path, where building a path string per field was ~15% of a rebuild). Both answers
// come from the same node, so they cannot drift apart.

export interface Schema<T> {
  /** Appends what is wrong with `value`, each with its path; nothing when it is a T. */
  readonly problems: (value: unknown, path: string, out: string[]) => void;
  /** True exactly when `problems` would append nothing. */
  readonly test: (value: unknown) => boolean;
  /** Type only: never set. */
  readonly type?: T;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

const leaf = <T>(test: (v: unknown) => boolean, expected: string): Schema<T> => ({
  test,
  problems: (v, path, out) => {
    if (!test(v)) out.push(`${path} must be ${expected}`);
  },
});

export const str = leaf<string>((v) => typeof v === 'string', 'a string');
export const strOrNull = leaf<string | null>((v) => v === null || typeof v === 'string', 'a string or null');
export const count = leaf<number>((v) => Number.isInteger(v) && (v as number) >= 0, 'a non-negative integer');
export const fraction = leaf<number>((v) => typeof v === 'number' && v >= 0 && v <= 1, 'a number from 0 to 1');
export const bool = leaf<boolean>((v) => typeof v === 'boolean', 'a boolean');
export const oneOf = <const V extends readonly string[]>(values: V): Schema<V[number]> =>
  leaf((v) => values.includes(v as string), `one of ${values.join(', ')}`);

export const list = <T>(item: Schema<T>): Schema<T[]> => ({
  test: (v) => {
    if (!Array.isArray(v)) return false;
    for (let i = 0; i < v.length; i++) if (!item.test(v[i])) return false;
    return true;
  },
  problems: (v, path, out) => {
    if (!Array.isArray(v)) return void out.push(`${path} must be a list`);
    v.forEach((x, i) => item.problems(x, `${path}[${i}]`, out));
  },
});

/** A field that may be absent: added to an event after events without it were written. */
export interface Optional<T> extends Schema<T | undefined> {
  readonly optional: true;
}

export const optional = <T>(schema: Schema<T>): Optional<T> => ({
  optional: true,
  test: (v) => v === undefined || schema.test(v),
  problems: (v, path, out) => {
    if (v !== undefined) schema.problems(v, path, out);
  },
});

type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends Optional<unknown> ? K : never }[keyof S];
type Flat<T> = { [K in keyof T]: T[K] };
type Fields<S extends Shape> = Flat<{ [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Exclude<Infer<S[K]>, undefined> }>;

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Every field of `shape` is checked; `optional`: a field that is absent (or undefined) passes. */
const record = <S extends Shape>(shape: S, optional: boolean): Schema<unknown> => {
  const keys = Object.keys(shape);
  const checks = keys.map((k) => shape[k]);
  return {
    test: (v) => {
      if (!isRecord(v)) return false;
      for (let i = 0; i < keys.length; i++) {
        const value = v[keys[i]];
        if (optional && value === undefined) continue;
        if (!checks[i].test(value)) return false;
      }
      return true;
    },
    problems: (v, path, out) => {
      if (!isRecord(v)) return void out.push(`${path} must be an object`);
      keys.forEach((key, i) => {
        const value = v[key];
        if (optional && value === undefined) return;
        checks[i].problems(value, path ? `${path}.${key}` : key, out);
      });
    },
  };
};

export const obj = <S extends Shape>(shape: S): Schema<Fields<S>> => record(shape, false) as Schema<Fields<S>>;
/** Only the fields present are checked: a correction's changes. */
export const partial = <S extends Shape>(shape: S): Schema<Partial<Fields<S>>> => record(shape, true) as Schema<Partial<Fields<S>>>;

/** True when A and B are the same type: `true satisfies Same<A, B>` fails to compile otherwise. */
export type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
