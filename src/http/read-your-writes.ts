import { Inject, Injectable, Optional } from '@nestjs/common';
import type { ProjectionRunner } from '../projections/projection-runner.js';
import { PROJECTION_RUNNER } from '../projections/projections.tokens.js';

/**
 * A write answers once the views have applied it (or after a short bound), so an analyst who
 * corrects a claim sees the correction in the very next read. Without views (CLI) it returns at once.
 */
@Injectable()
export class ReadYourWrites {
  constructor(@Optional() @Inject(PROJECTION_RUNNER) private readonly runner?: ProjectionRunner) {}

  async settle(position: bigint | null, timeoutMs = 2000): Promise<void> {
    if (position !== null && this.runner) await this.runner.waitFor(position, timeoutMs);
  }
}
