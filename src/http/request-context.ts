import { BadRequestException, ForbiddenException } from '@nestjs/common';
import type { Principal } from '../auth/principal.js';
import { ANALYST_NAME, ANALYST_NAME_RULE } from '../domain/analyst-name.js';
import { newCommandContext, type CommandContext } from '../domain/events/index.js';

const TOKEN = /^[A-Za-z0-9._@:-]{1,64}$/;

/** A caller's X-Correlation-Id when it is one we can log and store as it is; undefined otherwise. */
export const saneCorrelationId = (header: string | undefined): string | undefined => (header && TOKEN.test(header) ? header : undefined);

/** Correlation ids cross service boundaries, so a caller's own id is kept when it is sane; the key id goes along. */
export const commandContextFrom = (correlationHeader: string | undefined, caller: Principal | null): CommandContext =>
  newCommandContext(saneCorrelationId(correlationHeader), caller?.keyId);

/**
 * Who made a change, as `recordedBy: analyst:<name>`. A personal key names its analyst, and
 * X-Analyst cannot name anyone else. Without one (the shared API_KEY, or an open loopback
 * service) nothing verifies a name, so X-Analyst is taken as said and the event's metadata
 * shows which key (if any) it came with.
 */
export const analystFrom = (header: string | undefined, caller: Principal | null): string => {
  if (header !== undefined && header !== '' && !ANALYST_NAME.test(header)) throw new BadRequestException(`X-Analyst must be ${ANALYST_NAME_RULE}`);
  if (caller && !caller.shared) {
    if (header && header !== caller.analyst) {
      throw new ForbiddenException(`X-Analyst says ${header}, but this key belongs to ${caller.analyst}: a personal key records its own analyst`);
    }
    return `analyst:${caller.analyst}`;
  }
  return `analyst:${header || 'anonymous'}`;
};
