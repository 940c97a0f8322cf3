import { BadRequestException } from '@nestjs/common';
import { newCommandContext, type CommandContext } from '../domain/events/index.js';

const TOKEN = /^[A-Za-z0-9._@:-]{1,64}$/;

/** Correlation ids cross service boundaries, so a caller's own id is kept when it is sane. */
export const commandContextFrom = (correlationHeader: string | undefined): CommandContext =>
  newCommandContext(correlationHeader && TOKEN.test(correlationHeader) ? correlationHeader : undefined);

/** `X-Analyst` names who made a change; it becomes `recordedBy: analyst:<name>`. */
export const analystFrom = (header: string | undefined): string => {
  if (header === undefined || header === '') return 'analyst:anonymous';
  if (!TOKEN.test(header)) throw new BadRequestException('X-Analyst must be 1-64 letters, digits or . _ @ : -');
  return `analyst:${header}`;
};
