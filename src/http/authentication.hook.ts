import type { FastifyRequest } from 'fastify';
import type { Authentication, Authenticator } from '../auth/authenticate.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set for every request before the rate limit runs, so the limit can count per principal. */
    authentication: Authentication;
  }
}

/**
 * Checks the key first of all: a client's failed attempts then count against its address, and
 * its right key gets that principal's own budget (see rate-limits.ts). Refusing is the guard's job.
 */
export const authenticationHook = (authenticator: Authenticator) => async (request: FastifyRequest): Promise<void> => {
  request.authentication = authenticator.check(request.headers.authorization);
};
