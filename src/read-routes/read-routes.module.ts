import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ArticlesReadController } from './articles.controller.js';
import { AttributionsController } from './attributions.controller.js';
import { ClaimsController } from './claims.controller.js';
import { ConflictsController } from './conflicts.controller.js';
import { PartiesController } from './parties.controller.js';
import { SourcesController } from './sources.controller.js';
import { ReaderQueryHandler } from './reader-query.handler.js';

/** The read side over REST: thin controllers over the pure query functions of src/read-models. */
@Module({
  imports: [CqrsModule],
  controllers: [ClaimsController, PartiesController, SourcesController, ArticlesReadController, AttributionsController, ConflictsController],
  providers: [ReaderQueryHandler],
})
export class ReadRoutesModule {}
