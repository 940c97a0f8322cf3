export const PROJECTION_RUNNER = Symbol('ProjectionRunner');
