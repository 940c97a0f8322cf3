// GET /live over a real socket: the status at once, every applied event as it lands, and a
// stream that ends when the app shuts down instead of holding the server open.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { pledgeExtractor } from '../support/fake-extractor.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}

/** Reads server-sent events from a fetch body, one parsed event at a time. */
const sseReader = (body: ReadableStream<Uint8Array>) => {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    close: () => reader.cancel(),
    async next(timeoutMs = 5000): Promise<SseEvent | null> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const field = (name: string) =>
            block
              .split('\n')
              .find((l) => l.startsWith(`${name}: `))
              ?.slice(name.length + 2);
          if (field('data') === undefined) continue; // a comment line
          return { event: field('event') ?? 'message', data: JSON.parse(field('data')!) };
        }
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), Math.max(0, deadline - Date.now()))));
        const chunk = await Promise.race([reader.read(), timeout]).finally(() => clearTimeout(timer));
        if (chunk === 'timeout') throw new Error(`no server-sent event within ${timeoutMs} ms`);
        if (chunk.done) return null;
        buffer += decoder.decode(chunk.value, { stream: true });
      }
    },
  };
};

describe('GET /live (server-sent events)', () => {
  let t: TestApp;
  let url: string;

  beforeAll(async () => {
    t = await startTestApp({ extractor: pledgeExtractor });
    const address = t.server.address() as { port: number };
    url = `http://127.0.0.1:${address.port}/live`;
  });
  afterAll(async () => t?.close());

  it('sends the status at once, then each applied event of a new article, in log order', async () => {
    const res = await fetch(url);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = sseReader(res.body!);
    expect(await events.next()).toEqual({
      event: 'status',
      data: { head: '-1', events: 0, behind: 0, behindAtLeast: false, following: 'following', rebuilding: [] },
    });

    const text = 'OSLO — Ruritania pledged to reopen the port. Genovia pledged aid.';
    const created = (await request(t.server).post('/articles').send({ text }).expect(201)).body;
    const changes: SseEvent[] = [];
    while (changes.length < 3) {
      const e = await events.next();
      if (e?.event === 'change') changes.push(e);
    }
    expect(changes.map((c) => c.data.type)).toEqual(['ArticleIngested', 'PledgeMade', 'PledgeMade']);
    expect(changes.every((c) => c.data.streamName === created.stream)).toBe(true);
    const positions = changes.map((c) => BigInt(c.data.position as string));
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : 1)));
    await events.close();
  });

  it('is listed in the OpenAPI document', async () => {
    const doc = (await request(t.server).get('/docs-json').expect(200)).body;
    expect(Object.keys(doc.paths['/live'])).toEqual(['get']);
  });

  it('ends open streams when the app closes, so shutdown does not wait for clients', async () => {
    const other = await startTestApp({ extractor: pledgeExtractor });
    const res = await fetch(`http://127.0.0.1:${(other.server.address() as { port: number }).port}/live`);
    const events = sseReader(res.body!);
    expect((await events.next())?.event).toBe('status');
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await events.next()).toBeNull();
  });
});
