import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Subject } from 'rxjs';

/** Fires once when the app starts shutting down, so open event streams end and the server can close. */
@Injectable()
export class LiveShutdown implements OnModuleDestroy {
  readonly closing = new Subject<void>();

  onModuleDestroy(): void {
    this.closing.next();
    this.closing.complete();
  }
}
