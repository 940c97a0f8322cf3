// Why an extraction in the pool gave no claims. Nothing was written in any case: extraction comes
// before the append. src/http/errors.filter.ts gives each its status.

/** The article took longer than EXTRACTION_TIMEOUT_MS: its worker was stopped and replaced (422). */
export class ExtractionTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(
      `extracting claims from this article took longer than ${timeoutMs / 1000} s (EXTRACTION_TIMEOUT_MS) and was stopped; ` +
        'nothing was written. Split the article, or raise the limit',
    );
    this.name = 'ExtractionTimeoutError';
  }
}

/** The worker threw or died under the article (out of memory, a crash, the pool closing); a dead one is replaced (503). */
export class ExtractionFailedError extends Error {
  constructor(reason: string) {
    super(`extracting claims from this article failed in its worker thread (${reason}); nothing was written`);
    this.name = 'ExtractionFailedError';
  }
}

/** Every worker is busy and EXTRACTION_QUEUE articles already wait (503, retry). */
export class ExtractionBusyError extends Error {
  constructor(readonly waiting: number) {
    super(`every extraction worker is busy and ${waiting} article(s) are waiting (EXTRACTION_QUEUE); nothing was written, retry in a moment`);
    this.name = 'ExtractionBusyError';
  }
}
