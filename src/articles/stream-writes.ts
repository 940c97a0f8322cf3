import { Injectable } from '@nestjs/common';
import { CommandBus, type Command } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { etagOf } from '../http/if-match.js';
import { ReadYourWrites } from '../http/read-your-writes.js';

/** What a write to an article stream answers with: where its last event landed in the log (null: nothing written), and the stream's revision after it. */
interface StreamWrite {
  position: bigint | null;
  revision: bigint;
}

/**
 * Every write to an article stream answers the same way: once the read models show it (ReadYourWrites),
 * with the stream's new revision as its ETag, which the next write sends back as If-Match.
 */
@Injectable()
export class StreamWrites {
  constructor(
    private readonly commands: CommandBus,
    private readonly views: ReadYourWrites,
  ) {}

  async execute<R extends StreamWrite>(reply: FastifyReply, command: Command<R>): Promise<R> {
    const result = await this.commands.execute(command);
    await this.views.settle(result.position);
    void reply.header('etag', etagOf(result.revision));
    return result;
  }
}
