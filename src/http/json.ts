/** JSON has no bigint: revisions and positions travel as decimal strings. */
export const jsonSafe = <T>(value: T): unknown =>
  JSON.parse(JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v)));
