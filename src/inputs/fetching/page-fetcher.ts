import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, type Config } from '../../app/config.js';
import { fetchPage, WEB_PAGE_TYPES, type ConditionalRequest, type FetchedPage } from './fetch-page.js';

/** fetchPage with the operator's guard and limits (FETCH_* in the environment). */
@Injectable()
export class PageFetcher {
  constructor(@Inject(CONFIG) private readonly config: Config) {}

  fetch(url: string, accept: string[] = WEB_PAGE_TYPES, conditional: ConditionalRequest = {}): Promise<FetchedPage> {
    return fetchPage(url, this.config.fetch, accept, conditional);
  }
}
