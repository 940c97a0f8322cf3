import { describe, expect, it } from '@jest/globals';
import type { AppendOutcome, PendingAppend } from '../../src/event-store/sqlite/append-to-stream.js';
import { GroupCommit } from '../../src/event-store/sqlite/group-commit.js';

const result = (n: number) => ({ nextExpectedRevision: 0n, position: BigInt(n) });

describe('GroupCommit', () => {
  it('hands appends requested in one turn to one write, and acknowledges each after it', async () => {
    const writes: string[][] = [];
    let commits = 0;
    const group = new GroupCommit((items: PendingAppend[]): AppendOutcome[] => {
      writes.push(items.map((i) => i.stream));
      return items.map((_, n) => ({ ok: true, result: result(n) }));
    }, () => commits++);
    const first = await Promise.all(['a', 'b', 'c'].map((s) => group.append(s, [{ type: 'T', data: {} }], 'any')));
    expect(writes).toEqual([['a', 'b', 'c']]);
    expect(first.map((r) => r.position)).toEqual([0n, 1n, 2n]);
    expect(commits).toBe(1);
    // A later turn is a later transaction.
    await group.append('d', [{ type: 'T', data: {} }], 'any');
    expect(writes).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('rejects only the appends whose outcome failed, and every append when the write itself throws', async () => {
    let fail = false;
    const group = new GroupCommit((items) => {
      if (fail) throw new Error('disk I/O error');
      return items.map((i, n) => (i.stream === 'bad' ? { ok: false, error: new Error('wrong revision') } : { ok: true, result: result(n) }));
    }, () => {});
    const mixed = await Promise.allSettled(['x', 'bad', 'y'].map((s) => group.append(s, [{ type: 'T', data: {} }], 'any')));
    expect(mixed.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    fail = true;
    const all = await Promise.allSettled(['x', 'y'].map((s) => group.append(s, [{ type: 'T', data: {} }], 'any')));
    expect(all.map((r) => (r.status === 'rejected' ? (r.reason as Error).message : 'ok'))).toEqual(['disk I/O error', 'disk I/O error']);
  });

  it('splits a burst into transactions of at most 256 appends, and drain() writes what is queued at once', async () => {
    const sizes: number[] = [];
    const group = new GroupCommit((items) => {
      sizes.push(items.length);
      return items.map((_, n) => ({ ok: true, result: result(n) }));
    }, () => {});
    const burst = Array.from({ length: 600 }, (_, i) => group.append(`s${i}`, [{ type: 'T', data: {} }], 'any'));
    group.drain();
    expect(sizes).toEqual([256, 256, 88]);
    await Promise.all(burst);
  });
});
