// Why an extraction in the pool gave no claims. Nothing was written in any case: extraction comes
// before the append. src/http/errors.filter.ts gives each its status.

/** What a worker was doing with the article, as its errors say: extracting claims, or reading its page or text. */
export type WorkerJobKind = 'extract' | 'read';
const DOING: Record<WorkerJobKind, string> = { extract: 'extracting claims from this article', read: "reading this article's page or text" };

/** The article took longer than EXTRACTION_TIMEOUT_MS: its worker was stopped and replaced (422). */
export class ExtractionTimeoutError extends Error {
  constructor(readonly timeoutMs: number, doing: WorkerJobKind = 'extract') {
    super(
      `${DOING[doing]} took longer than ${timeoutMs / 1000} s (EXTRACTION_TIMEOUT_MS) and was stopped; ` +
        'nothing was written. Split the article, or raise the limit',
    );
    this.name = 'ExtractionTimeoutError';
  }
}

/** The worker threw or died under the article (out of memory, a crash, the pool closing); a dead one is replaced (503). */
export class ExtractionFailedError extends Error {
  constructor(reason: string, doing: WorkerJobKind = 'extract') {
    super(`${DOING[doing]} failed in its worker thread (${reason}); nothing was written`);
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
