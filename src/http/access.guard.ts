import { ForbiddenException, Injectable, SetMetadata, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Authenticator } from '../auth/authenticate.js';
import { roleAllows, type Role } from '../auth/roles.js';
import { hashesViews, isRead } from './request-kind.js';

const NEEDS_ROLE = 'claimtrail:needs-role';
/** A write that needs more than the analyst role (e.g. rebuilding every read model). */
export const NeedsRole = (role: Role) => SetMetadata(NEEDS_ROLE, role);

const ASK = 'Authorization: Bearer <API_KEY> (your personal key, or the shared API_KEY)';

/**
 * Once any key exists (API_KEY or personal keys), writes need an analyst key, routes marked
 * @NeedsRole their role, `?hash=true` any key, and with READ_REQUIRES_KEY every read a key.
 * Without keys the service is open and the listen policy keeps it on loopback.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly reflector: Reflector,
    private readonly readRequiresKey: boolean,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const needed = this.neededRole(context, request);
    if (needed === null) return true;
    const auth = request.authentication;
    if (auth.kind === 'invalid') throw new UnauthorizedException(`the key sent was not recognised (mistyped, revoked or from another server); send ${ASK}`);
    if (auth.kind === 'none') throw new UnauthorizedException(isRead(request) ? `this read needs ${ASK}` : `writes need ${ASK}`);
    if (!roleAllows(auth.principal.role, needed)) {
      throw new ForbiddenException(
        `this key has the ${auth.principal.role} role; this request needs ${needed} (an admin issues keys with npm run cli -- keys add)`,
      );
    }
    return true;
  }

  private neededRole(context: ExecutionContext, request: FastifyRequest): Role | null {
    if (!this.authenticator.required && !this.readRequiresKey) return null;
    if (isRead(request)) return this.readRequiresKey || hashesViews(request) ? 'reader' : null;
    return this.reflector.getAllAndOverride<Role | undefined>(NEEDS_ROLE, [context.getHandler(), context.getClass()]) ?? 'analyst';
  }
}
