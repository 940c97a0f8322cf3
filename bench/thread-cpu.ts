// CPU seconds a process's main thread (its event loop) has used, from Linux's /proc: the figure the
// extraction pool exists to lower, and one that other work on a shared machine barely moves,
// unlike wall-clock rates. Node 20 has no per-thread CPU clock of its own (process.threadCpuUsage
// came in Node 23), and process.cpuUsage() counts the worker threads too.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

let ticksPerSecond: number | null = null;

/** null where there is no /proc (not Linux): the bench then reports no CPU figures. */
export const mainThreadCpuSeconds = (pid: number): number | null => {
  const stat = `/proc/${pid}/task/${pid}/stat`;
  if (!existsSync(stat)) return null;
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  // The command name, in parentheses, may hold spaces: the fields are counted after it (utime is field 14, stime 15).
  const line = readFileSync(stat, 'utf8');
  const fields = line.slice(line.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
};
