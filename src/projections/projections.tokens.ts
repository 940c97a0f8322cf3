/** The runner of the stored read models (stored-projection-runner.ts): /projections, /live, /health and every read. */
export const PROJECTION_RUNNER = Symbol('ProjectionRunner');
/** The read-model store the service's read models live in. */
export const READ_MODEL_STORE = Symbol('ReadModelStore');
/**
 * The in-memory read models (projection-runner.ts), for routes still on ReadModelQuery only: goes
 * once every controller reads the read-model store through ReaderQuery.
 */
export const HEAP_VIEWS = Symbol('HeapViews');
