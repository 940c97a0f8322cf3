/** The runner of the stored read models (stored-projection-runner.ts): /projections, /live, /health and every read. */
export const PROJECTION_RUNNER = Symbol('ProjectionRunner');
/** The read-model store the service's read models live in. */
export const READ_MODEL_STORE = Symbol('ReadModelStore');
