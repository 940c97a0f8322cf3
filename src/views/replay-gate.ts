import { HttpException, HttpStatus } from '@nestjs/common';
import pLimit from 'p-limit';

/** How long a refused replay is told to wait: about one replay's time on a busy log. */
export const REPLAY_RETRY_AFTER_S = 2;

/**
 * `asOf` folds the whole log for each request (until the read models index history), so at
 * most `concurrent` replays run at once and `queue` more wait; any beyond that is refused with
 * 503 and Retry-After, instead of every reader slowing down together.
 */
export class ReplayGate {
  private readonly limit: pLimit.Limit;

  constructor(concurrent: number, private readonly queue: number) {
    this.limit = pLimit(concurrent);
  }

  run<T>(replay: () => Promise<T>): Promise<T> {
    if (this.limit.pendingCount >= this.queue && this.limit.activeCount > 0) {
      throw new HttpException(
        { statusCode: 503, error: 'Service Unavailable', message: `too many asOf replays at once; retry in ${REPLAY_RETRY_AFTER_S} s`, retryAfter: REPLAY_RETRY_AFTER_S },
        HttpStatus.SERVICE_UNAVAILABLE,
      );
    }
    return this.limit(replay);
  }
}
