import { Query } from '@nestjs/cqrs';

export interface ArticleEventView {
  type: string;
  revision: string;
  position: string;
  created: string;
  data: unknown;
  metadata: unknown;
  /** Present when the stored event does not decode: reported, never dropped. */
  problems?: string[];
}

export class ArticleEventsQuery extends Query<{ stream: string; revision: bigint; events: ArticleEventView[] }> {
  constructor(readonly articleId: string) {
    super();
  }
}

