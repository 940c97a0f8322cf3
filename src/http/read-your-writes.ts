import { Inject, Injectable, Optional } from '@nestjs/common';
import { PROJECTION_RUNNER } from '../projections/projections.tokens.js';
import type { StoredProjectionRunner } from '../projections/stored-projection-runner.js';

/**
 * A write answers once the read models have applied it (or after a short bound), so an analyst who
 * corrects a claim sees the correction in the very next read. Without read models (CLI) it returns at once.
 */
@Injectable()
export class ReadYourWrites {
  constructor(@Optional() @Inject(PROJECTION_RUNNER) private readonly runner?: StoredProjectionRunner) {}

  async settle(position: bigint | null, timeoutMs = 2000): Promise<void> {
    if (position === null) return;
    await this.runner?.waitFor(position, timeoutMs);
  }
}
