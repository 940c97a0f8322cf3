import { CorruptEventError, type RecordedEvent } from '../event-store.js';

export interface EventRow {
  position: bigint;
  stream: string;
  revision: bigint;
  id: string;
  type: string;
  data: string;
  metadata: string;
  created: bigint;
}

export const toRecordedEvent = (row: EventRow): RecordedEvent => {
  let data: unknown;
  let metadata: unknown;
  try {
    data = JSON.parse(row.data);
    metadata = JSON.parse(row.metadata);
  } catch (error) {
    throw new CorruptEventError(row.stream, row.revision, `not JSON: ${(error as Error).message}`);
  }
  return {
    id: row.id,
    streamName: row.stream,
    revision: row.revision,
    position: row.position,
    type: row.type,
    data,
    metadata,
    created: new Date(Number(row.created)),
  };
};
