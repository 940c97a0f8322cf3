// Real child processes for the crash tests: the built CLI and service (npm test builds first), so
// SIGKILL is a real crash, not an exception.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export const CLI = 'dist/cli/main.js';
export const MAIN = 'dist/main.js';

export const requireBuild = (): void => {
  if (spawnSync(process.execPath, [CLI, '--help']).status !== 0) throw new Error(`${CLI} is missing: run npm run build (npm test does it first)`);
};

export interface Exit { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; ms: number }

/**
 * Runs the CLI. `kill`: SIGKILL after that many ms, or as soon as the check (polled every 10 ms)
 * says so — e.g. once the store has grown by some number of events, whatever the machine's speed.
 */
export const runCli = (args: string[], env: Record<string, string>, kill?: number | (() => boolean)): Promise<Exit> =>
  new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer =
      kill === undefined ? null :
        typeof kill === 'number' ? setTimeout(() => child.kill('SIGKILL'), kill) :
          setInterval(() => kill() && child.kill('SIGKILL'), 10);
    child.on('exit', (code, signal) => {
      if (timer) clearInterval(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });

/** A small seeded generator (mulberry32), so "random" kill times are printed and reproducible. */
export const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

export const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

export const until = async (what: string, check: () => Promise<boolean> | boolean, ms = 30_000): Promise<void> => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

export interface Service { child: ChildProcess; base: string; exited: Promise<void> }

/** `node dist/main.js` on a data folder, answering on a free loopback port. */
export const startService = async (dataDir: string, env: Record<string, string> = {}): Promise<Service> => {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', SEED_ON_START: 'false', ...env },
    stdio: 'ignore',
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const base = `http://127.0.0.1:${port}`;
  await until('the service to answer', () => fetch(`${base}/health`).then((r) => r.ok, () => false));
  return { child, base, exited };
};

export const kill = async (service: Service): Promise<void> => {
  service.child.kill('SIGKILL');
  await service.exited;
};
