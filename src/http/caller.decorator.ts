import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal.js';

/** The principal whose key the request carried (checked by the authentication hook), or null. */
export const Caller = createParamDecorator((_: unknown, context: ExecutionContext): Principal | null => {
  const auth = context.switchToHttp().getRequest<FastifyRequest>().authentication;
  return auth?.kind === 'valid' ? auth.principal : null;
});
