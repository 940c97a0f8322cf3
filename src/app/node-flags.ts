// The V8 flags the service runs with: `npm start` and the Dockerfile pass them on the command line,
// the scale benchmark forks the service with them (a unit test keeps the three the same). Node's
// default heap limit is kept; these only keep each heap near what is live:
// - the young generation of each isolate (main thread, read-model write worker, extraction worker)
//   grows to 3 x 16 MiB under load by default; 4 MiB semi-spaces keep it at 12;
// - with memory to spare V8 lets the old generation grow to up to 4x what the last full collection
//   found live: under the mixed load at a million events the main heap held ~250 MiB for 57 MiB
//   live. A factor of 1.5 means more frequent full collections, which the load did not show in
//   requests per second. Measured: README, "Memory after a load".
// Both must be set when the process starts (V8 sizes each heap as it creates the isolate), and
// the second is not allowed in NODE_OPTIONS, hence the command line.
export const SERVICE_NODE_FLAGS = ['--max-semi-space-size=4', '--heap-growing-percent=50'] as const;
