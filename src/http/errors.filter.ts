import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, type DomainErrorKind } from '../domain/errors.js';
import { AppendTooLargeError, StoreUnavailableError, StreamDeletedError } from '../event-store/event-store.js';
import { REASON } from './refusal.js';
import { AddressRefusedError, UpstreamError } from '../inputs/fetching/fetch-errors.js';
import { ExtractionBusyError, ExtractionFailedError, ExtractionTimeoutError } from '../extraction-pool/extraction-errors.js';

const STATUS: Record<DomainErrorKind, number> = {
  invalid: 400,
  'not-found': 404,
  gone: 410,
  conflict: 409,
  unprocessable: 422,
  'precondition-required': 428,
};

const UNSUPPORTED_BODY = 'every body here is JSON: send it with Content-Type: application/json (forms and text are not accepted)';

/**
 * One error body for every failure: status, reason, a sentence a person understands, and
 * field-level details where there are some. Never a stack trace or SQL.
 */
@Catch()
export class ErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body } = this.describe(error);
    if (status >= 500) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    if (status === 503) void reply.header('retry-after', String((body.retryAfter as number | undefined) ?? retryAfterSeconds(error)));
    // Fastify and Nest both say only "Unsupported Media Type"; a person needs to know what to send.
    if (status === 415) body.message = UNSUPPORTED_BODY;
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private describe(error: unknown): { status: number; body: Record<string, unknown> } {
    if (error instanceof DomainError) {
      const status = STATUS[error.kind];
      return { status, body: { statusCode: status, error: REASON[status], message: error.message, ...error.details } };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const response = error.getResponse();
      const body = typeof response === 'string' ? { message: response } : (response as Record<string, unknown>);
      return { status, body: { statusCode: status, error: REASON[status] ?? body.error, ...body } };
    }
    // Fastify's own client errors (bad JSON, body too large, wrong content type) carry a 4xx statusCode.
    const statusCode = (error as { statusCode?: unknown })?.statusCode;
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
      const message = (error as Error).message.replace(/^FST_\w+:\s*/, '');
      return { status: statusCode, body: { statusCode, error: REASON[statusCode] ?? 'Client Error', message } };
    }
    // A URL the service may not fetch is the caller's mistake; a server that failed us is not.
    if (error instanceof AddressRefusedError) return { status: 400, body: { statusCode: 400, error: REASON[400], message: error.message } };
    if (error instanceof UpstreamError) return { status: 502, body: { statusCode: 502, error: REASON[502], message: error.message } };
    const extraction = describeExtractionError(error);
    if (extraction) return extraction;
    const store = describeStoreError(error);
    if (store) return store;
    // Another process held SQLite's write lock past the busy timeout: nothing was written, and trying again works.
    const code = (error as { code?: unknown })?.code;
    if (typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code)) {
      return {
        status: 503,
        body: { statusCode: 503, error: REASON[503], message: 'the event store is busy with another writer; nothing was written, retry in a moment' },
      };
    }
    return { status: 500, body: { statusCode: 500, error: REASON[500], message: 'the server failed to handle this request; it has been logged' } };
  }
}

/** Seconds a client should wait before retrying a 503: a busy SQLite writer frees up at once, a store that is down takes longer. */
const retryAfterSeconds = (error: unknown): number => (error instanceof StoreUnavailableError ? 5 : 1);

/** The extraction pool's: this article is too slow to extract (422); a worker died or all are busy (503, retry). */
const describeExtractionError = (error: unknown): { status: number; body: Record<string, unknown> } | null => {
  if (error instanceof ExtractionTimeoutError) {
    return { status: 422, body: { statusCode: 422, error: REASON[422], message: error.message, timeoutMs: error.timeoutMs } };
  }
  if (error instanceof ExtractionBusyError || error instanceof ExtractionFailedError) {
    return { status: 503, body: { statusCode: 503, error: REASON[503], message: error.message } };
  }
  return null;
};

/** The event store's own refusals: too big for it, gone from it, or not answering. */
const describeStoreError = (error: unknown): { status: number; body: Record<string, unknown> } | null => {
  if (error instanceof AppendTooLargeError) {
    const message =
      `the events of this request take ${error.bytes ?? 'more than'} bytes; ` +
      `the event store accepts at most ${error.limit} bytes in one append. Nothing was written`;
    return { status: 413, body: { statusCode: 413, error: REASON[413], message, limitBytes: error.limit, ...(error.bytes ? { bytes: error.bytes } : {}) } };
  }
  if (error instanceof StreamDeletedError) {
    return { status: 410, body: { statusCode: 410, error: REASON[410], message: `${error.stream} was deleted in the event store` } };
  }
  if (error instanceof StoreUnavailableError) {
    return {
      status: 503,
      body: { statusCode: 503, error: REASON[503], message: 'the event store does not answer; nothing is known to be written, retry later' },
    };
  }
  return null;
};
