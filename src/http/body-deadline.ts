import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendRefusal } from './refusal.js';

/**
 * A request's body must have arrived within `ms` of its headers. Node's requestTimeout covers a
 * request only until its headers are in (a body sent a byte at a time held a socket for minutes),
 * so this counts the rest. A finished message (every GET, a sent body) is never cut, however long
 * its answer takes (replays, /live).
 */
export const bodyDeadlineHook = (ms: number) => (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
  const message = request.raw;
  if (message.complete) return done();
  const timer = setTimeout(() => {
    if (message.complete) return;
    if (!reply.sent) void sendRefusal(reply.header('connection', 'close'), 408, `the request body did not arrive within ${ms} ms`);
    message.socket.destroySoon();
  }, ms);
  timer.unref();
  const stop = () => clearTimeout(timer);
  message.once('end', stop).once('close', stop);
  reply.raw.once('close', stop);
  done();
};
