/** Bumped when an event's data changes shape; readers upcast older versions. */
export const SCHEMA_VERSION = 1;

export interface EventMetadata {
  schemaVersion: number;
  /** Ties together everything one request or command run caused. */
  correlationId: string;
  /** The id of the command (or event) that directly caused this event. */
  causationId: string;
  /** The API key a request was made with (`API_KEY` for the shared one); absent for the CLI and extractor. */
  keyId?: string;
}
