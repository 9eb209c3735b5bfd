import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RealtimeTimeProvider } from '../src/index.js';

const child = fileURLToPath(new URL('./fixtures/abort-sleep-child.ts', import.meta.url));
const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Runs the child fixture under tsx; `timeout` only guards against a hang (the child is killed). */
function runChild(mode: 'abort' | 'leak', timeout: number) {
  return spawnSync(process.execPath, ['--import', 'tsx', child, mode], {
    cwd: packageDir,
    encoding: 'utf8',
    timeout,
  });
}

describe('RealtimeTimeProvider', () => {
  it('reads the wall clock and a monotonic clock', () => {
    const time = new RealtimeTimeProvider();
    expect(time.kind).toBe('realtime');
    const before = Date.now();
    const now = time.now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
    const a = time.monotonic();
    const b = time.monotonic();
    expect(b).toBeGreaterThanOrEqual(a);
  });

  it('resolves a short sleep after the timer fires', async () => {
    const time = new RealtimeTimeProvider();
    const start = time.monotonic();
    await expect(time.sleep(5)).resolves.toBeUndefined();
    expect(time.monotonic()).toBeGreaterThan(start);
    await expect(time.sleep(0)).resolves.toBeUndefined();
  });

  it('rejects negative, NaN and infinite durations with TIME_INVALID_ARGUMENT', async () => {
    const time = new RealtimeTimeProvider();
    await expect(time.sleep(-5)).rejects.toMatchObject({ code: 'TIME_INVALID_ARGUMENT' });
    await expect(time.sleep(Number.NaN)).rejects.toThrow(/must be a number/);
    await expect(time.sleep(Number.POSITIVE_INFINITY)).rejects.toThrow(/finite/);
  });

  it('rejects at once with the reason of an already aborted signal', async () => {
    const reason = new Error('gone');
    await expect(new RealtimeTimeProvider().sleep(60_000, AbortSignal.abort(reason))).rejects.toBe(reason);
  });

  it('rejects a pending sleep with an AbortError when the signal aborts', async () => {
    const controller = new AbortController();
    const sleep = new RealtimeTimeProvider().sleep(60_000, controller.signal);
    controller.abort();
    await expect(sleep).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('clears the timer on abort: a process whose sleeps were aborted exits by itself', () => {
    const result = runChild('abort', 30_000);
    expect(result.stderr).toBe('');
    expect(result.signal).toBeNull();
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('armed\naborted,aborted\ntimers=0\n');
  }, 40_000);

  it('control: a sleep that is never aborted holds an active timer (which would keep the process alive)', () => {
    const result = runChild('leak', 30_000);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('armed\ntimers=1\n');
  }, 40_000);
});
