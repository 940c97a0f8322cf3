import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendRefusal } from './refusal.js';

/** `Host: Example.org:3000` → `example.org`; `[::1]:3000` → `[::1]`; a trailing dot is the same name. */
export const hostNameOf = (hostHeader: string | undefined): string | null => {
  if (!hostHeader) return null;
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::\d{1,5})?$/i.exec(hostHeader.trim());
  return m ? m[1].toLowerCase().replace(/\.$/, '') : null;
};

/**
 * Answers only requests addressed to one of the service's own names. A page on attacker.example
 * whose DNS name is re-pointed at 127.0.0.1 reaches a loopback service as same-origin to the
 * browser; its Host header still says attacker.example, so it is refused here.
 */
export const allowedHostsHook = (allowed: readonly string[]) => {
  const names = new Set(allowed.map((h) => h.toLowerCase()));
  // Returning the reply tells Fastify the request is answered: no later hook or handler runs.
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const name = hostNameOf(request.headers.host);
    if (name !== null && names.has(name)) return undefined;
    return sendRefusal(reply, 421, `this service does not answer to the host ${JSON.stringify(request.headers.host ?? '')}; ` +
      'its operator lists the names it answers to in ALLOWED_HOSTS');
  };
};
