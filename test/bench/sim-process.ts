// Child processes of the benchmarks: the simulators as `customer-sync sim` (their CPU is not the
// worker's), and reading a process's CPU time from /proc.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
export const CLK_TCK = 100;
/** The simulator's seed: the link check regenerates the same data. */
export const SEED = 1;

export interface Sim {
  child: ChildProcess;
  /** When the simulator answered (its generated customers are stamped as changed before this). */
  readyAt: number;
  infosoftUrl: string;
  windwardUrl: string;
  simBase: { infosoft: string; windward: string };
}

/** `npm run build`: the simulators and the worker run from dist/. */
export function buildProject(): void {
  const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
}

/**
 * Both simulators in one child process (the built CLI: run `npm run build` first). `nodeFlags` go
 * before the script (e.g. --cpu-prof).
 */
export async function startSim(customers: number, latencyMs: number, nodeFlags: readonly string[] = [], surnameVariety = 1): Promise<Sim> {
  const simArgs = ['--customers', String(customers), '--latency-ms', String(latencyMs), '--seed', String(SEED), '--surname-variety', String(surnameVariety)];
  const child = spawn(process.execPath, [...nodeFlags, 'dist/cli/main.js', 'sim', ...simArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WINDWARD_PASSWORD: 'simulator', NODE_ENV: 'bench', LOG_LEVEL: 'warn' },
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise<Sim>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`simulators exited with ${code}: ${err}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const infosoft = /INFOSOFT_URL=(\S+)/.exec(out)?.[1];
      const windward = /WINDWARD_URL=(\S+)/.exec(out)?.[1];
      if (infosoft && windward) {
        const i = new URL(infosoft);
        const w = new URL(windward);
        resolve({ child, readyAt: Date.now(), infosoftUrl: infosoft, windwardUrl: windward, simBase: { infosoft: `${i.origin}/__sim`, windward: `${w.origin}/__sim` } });
      }
    });
  });
}

export async function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

/** User + system CPU time of a process so far, in ms. */
export function readProcCpuMs(pid: number): number {
  return readStatCpuMs(`/proc/${pid}/stat`);
}

/** One thread's CPU ms (the process's main thread has tid = pid), at the kernel's 10 ms resolution. */
export function readThreadCpuMs(pid: number, tid: number): number {
  return readStatCpuMs(`/proc/${pid}/task/${tid}/stat`);
}

/**
 * How long a thread has waited on the kernel's run queue (runnable, but no core free), in ms: the
 * second field of /proc/<pid>/task/<tid>/schedstat. Null where the kernel does not keep it.
 */
export function readRunQueueWaitMs(pid: number, tid: number = pid): number | null {
  try {
    const waitNs = Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[1]);
    return Number.isFinite(waitNs) ? waitNs / 1e6 : null;
  } catch {
    return null;
  }
}

/** CPU ms of every thread of a process by tid (threads that exit between two reads drop out). */
export function readThreadsCpuMs(pid: number): Map<number, number> {
  const byTid = new Map<number, number>();
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return byTid;
  }
  for (const tid of tids) {
    try {
      byTid.set(Number(tid), readThreadCpuMs(pid, Number(tid)));
    } catch {
      // The thread ended while the list was read.
    }
  }
  return byTid;
}

export interface ThreadCpuSplit {
  /** Shares of the process's CPU between two reads (0..1). */
  main: number;
  /** The busiest other thread: the remote-client thread when the worker runs one. */
  clientThread: number;
  /** Everything else: V8's helper threads (parallel scavenges, concurrent marking and compiling) and libuv's pool. */
  helpers: number;
}

/**
 * How a process's CPU between two readThreadsCpuMs reads split between its main thread, its
 * busiest other thread and the rest. Node 20 does not name its threads, so the client thread is
 * told apart by its CPU: in the worker it is the only thread beside the main one doing a share of
 * the sync (the helpers each take a few per cent). Null when nothing was used.
 */
export function splitThreadCpu(pid: number, before: Map<number, number>, after: Map<number, number>): ThreadCpuSplit | null {
  const used = [...after].map(([tid, ms]) => ({ tid, ms: ms - (before.get(tid) ?? 0) }));
  const total = used.reduce((sum, t) => sum + t.ms, 0);
  if (total <= 0) return null;
  const main = used.find((t) => t.tid === pid)?.ms ?? 0;
  const client = Math.max(0, ...used.filter((t) => t.tid !== pid).map((t) => t.ms));
  return { main: main / total, clientThread: client / total, helpers: (total - main - client) / total };
}

function readStatCpuMs(path: string): number {
  const stat = readFileSync(path, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the line, 12 and 13 after "pid (comm) ".
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
}
