/** Errors of the domain, each with the HTTP-agnostic kind the REST layer maps to a status. */
/** `invalid`: the request itself is wrong (a blank reason), as the HTTP layer's own validation would say. */
export type DomainErrorKind = 'invalid' | 'not-found' | 'gone' | 'conflict' | 'unprocessable' | 'precondition-required';

export class DomainError extends Error {
  constructor(readonly kind: DomainErrorKind, message: string, readonly details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (message: string, details?: Record<string, unknown>) => new DomainError('invalid', message, details);
export const notFound = (what: string) => new DomainError('not-found', `${what} not found`);
/** It existed and its events are no longer there (a deleted or truncated stream): not the same as never having existed. */
export const gone = (what: string, why: string) => new DomainError('gone', `${what} is gone: ${why}`);
export const unprocessable = (message: string, details?: Record<string, unknown>) =>
  new DomainError('unprocessable', message, details);
