// autocannon ships no types; only what the benchmarks use.
declare module 'autocannon' {
  interface Histogram {
    average: number;
    mean: number;
    p50: number;
    p99: number;
    max: number;
  }
  interface Result {
    requests: Histogram & { total: number };
    latency: Histogram;
    throughput: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
  }
  interface RequestSpec {
    method?: string;
    path?: string;
    /** Called before each request: the request to send (a new path per request). */
    setupRequest?: (request: RequestSpec) => RequestSpec;
  }
  interface Options {
    url: string;
    requests?: RequestSpec[];
    connections?: number;
    duration?: number;
    pipelining?: number;
  }
  /** A run that is also a promise of its result; `stop()` ends it early (the stall bench runs it while ingesting). */
  function autocannon(options: Options): Promise<Result> & { stop(): void };
  export default autocannon;
}
