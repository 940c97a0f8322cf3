import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** With API_KEY set, every write needs `Authorization: Bearer <API_KEY>`; reads stay open. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly key: Buffer | null;

  constructor(apiKey: string | null) {
    this.key = apiKey ? Buffer.from(apiKey) : null;
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.key) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (READS.has(request.method)) return true;
    const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const ok = given !== undefined && given.length === this.key.length && timingSafeEqual(Buffer.from(given), this.key);
    if (!ok) throw new UnauthorizedException('writes need Authorization: Bearer <API_KEY>');
    return true;
  }
}
