// Starts and stops the service of the scale benchmark (serve-scale.ts) on a data directory.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SERVICE_NODE_FLAGS } from '../src/app/node-flags.js';
import type { ScaleServerReport } from './serve-scale.js';

export interface ScaleServer {
  child: ChildProcess;
  base: string;
  /** From the fork to every read model caught up: what a restart costs a user. */
  readyMs: number;
  ready: ScaleServerReport;
}

/** The heap flag `npm run bench` passes every benchmark, which `npm start` does not pass the service. */
const withoutSemiSpace = (options = ''): string => options.replace(/--max-semi-space-size=\S+/g, '').trim();

export const startServer = async (dataDir: string): Promise<ScaleServer> => {
  const forkedAt = Date.now();
  const child = fork(fileURLToPath(new URL('./serve-scale.js', import.meta.url)), [], {
    // Node's default heap limit and the service's flags, as `npm start` runs it: the read models must fit in it.
    execArgv: [...SERVICE_NODE_FLAGS],
    env: {
      ...process.env,
      NODE_OPTIONS: withoutSemiSpace(process.env.NODE_OPTIONS),
      DATA_DIR: dataDir,
      SEED_ON_START: 'false',
      WRITE_RATE_LIMIT: '1000000',
      READ_RATE_LIMIT: '10000000',
      COSTLY_READ_RATE_LIMIT: '1000000',
      PORT: '0',
    },
    stdio: 'inherit',
  });
  const ready = await nextReport(child);
  return { child, base: `http://127.0.0.1:${ready.port}`, readyMs: Date.now() - forkedAt, ready };
};

export const nextReport = (child: ChildProcess): Promise<ScaleServerReport> =>
  new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the server exited with ${code} before it answered`));
    child.once('exit', onExit);
    child.once('message', (m) => {
      child.off('exit', onExit);
      resolve(m as ScaleServerReport);
    });
  });

/** Resident memory and the longest event-loop block, now. */
export const askServer = (server: ScaleServer): Promise<ScaleServerReport> => {
  const answer = nextReport(server.child);
  server.child.send('report');
  return answer;
};

export const stopServer = async ({ child }: ScaleServer): Promise<void> => {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  if (child.connected) child.disconnect();
  else child.kill();
  await exited;
};
