import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { MockAdServer, RecordedRequest } from '@vast/testkit';
import type { Beacon } from '@vast/tracker';

/** A beacon whose template (and so idempotency key) is `/track/<name>` on the server. */
export function beaconFor(server: MockAdServer, name: string, id = 1, event = 'impression'): Beacon {
  const template = server.url(`/track/${name}`);
  return { id, event, url: `${template}?cb=${Math.random()}`, template, level: 0, time: 0 };
}

/** Requests received per path. */
export function countsByPath(requests: readonly RecordedRequest[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const request of requests) counts.set(request.path, (counts.get(request.path) ?? 0) + 1);
  return counts;
}

/** Waits (bounded) until `check` holds, polling. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => globalThis.setTimeout(resolve, 25));
  }
}

/** A worker in a child Node process (test/fixtures/worker-process.ts). */
export interface WorkerProcess {
  readonly child: ChildProcess;
  /** Lines the process printed. */
  readonly lines: string[];
  /** Resolves once the process has exited. */
  readonly exited: Promise<void>;
}

const FIXTURE = fileURLToPath(new URL('./fixtures/worker-process.ts', import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

/** Starts a worker process and resolves once it printed `ready` (bounded). */
export async function startWorkerProcess(config: Record<string, unknown>, timeoutMs = 30_000): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--conditions=@vast/source', '--import', 'tsx', FIXTURE, JSON.stringify(config)], {
    cwd: PACKAGE_DIR,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  let buffer = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    lines.push(...parts);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await until(() => lines.includes('ready') || child.exitCode !== null, timeoutMs, 'the worker process to be ready');
  if (!lines.includes('ready')) throw new Error(`the worker process exited with ${child.exitCode}`);
  return { child, lines, exited };
}

/** SIGKILLs a worker process, as a crash would, and waits for it to be gone. */
export async function killWorkerProcess(worker: WorkerProcess): Promise<void> {
  if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
  await worker.exited;
}
