import { Query } from '@nestjs/cqrs';

export interface ArticleEventResponse {
  type: string;
  revision: string;
  position: string;
  created: string;
  data: unknown;
  metadata: unknown;
  /** Present when the stored event does not decode: reported, never dropped. */
  problems?: string[];
}

export class ArticleEventsQuery extends Query<{ stream: string; revision: bigint; events: ArticleEventResponse[] }> {
  constructor(readonly articleId: string) {
    super();
  }
}

