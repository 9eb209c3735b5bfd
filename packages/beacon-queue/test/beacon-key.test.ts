import { describe, expect, it } from 'vitest';
import type { Beacon } from '@vast/tracker';
import { beaconKey } from '../src/index.js';
import { isRetryable, retryDelay } from '../src/retry-policy.js';
import { redisOptions } from '../src/redis-connection.js';

const base: Beacon = { id: 7, event: 'impression', url: 'https://ads.example/imp?cb=1', template: 'https://ads.example/imp?cb=[CACHEBUSTING]', level: 0, time: 0 };

describe('beaconKey', () => {
  it('is the same for the same beacon expanded again, whatever its id or cache buster', () => {
    expect(beaconKey('s1', base)).toBe(beaconKey('s1', { ...base, id: 99, url: 'https://ads.example/imp?cb=2' }));
  });

  it('tells sessions, levels, events, offsets, error codes and templates apart', () => {
    const keys = [
      beaconKey('s1', base),
      beaconKey('s2', base),
      beaconKey('s1', { ...base, level: 1 }),
      beaconKey('s1', { ...base, event: 'start' }),
      beaconKey('s1', { ...base, event: 'progress', offset: { type: 'time', seconds: 5 } }),
      beaconKey('s1', { ...base, event: 'progress', offset: { type: 'percent', percent: 5 } }),
      beaconKey('s1', { ...base, event: 'error', errorCode: 402 }),
      beaconKey('s1', { ...base, event: 'error', errorCode: 403 }),
      beaconKey('s1', { ...base, template: 'https://other.example/imp' }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps repeatable events apart by beacon id (two pauses are two beacons)', () => {
    expect(beaconKey('s1', { ...base, event: 'pause', id: 3 })).not.toBe(beaconKey('s1', { ...base, event: 'pause', id: 4 }));
    expect(beaconKey('s1', { ...base, event: 'pause', id: 3 })).toContain('pause%233');
  });

  it('has no colon, the separator of Redis key names, whatever the session id', () => {
    const key = beaconKey('tenant:42', base);
    expect(key).not.toContain(':');
    expect(key.startsWith('tenant%3A42|0|impression|')).toBe(true);
  });
});

describe('retry policy', () => {
  const failed = (reason: 'network' | 'http-status' | 'timeout' | 'aborted', status?: number, message = 'x') =>
    ({ kind: 'failed', beacon: base, reason, message, attempts: 1, ...(status === undefined ? {} : { status }) }) as const;

  it('retries network errors and 5xx, not 4xx, not SSRF refusals, timeouts only when allowed', () => {
    expect(isRetryable(failed('network', undefined, 'ECONNREFUSED: connect'), false)).toBe(true);
    expect(isRetryable(failed('network', undefined, 'SSRF_BLOCKED: refused 10.0.0.1'), false)).toBe(false);
    expect(isRetryable(failed('http-status', 503), false)).toBe(true);
    expect(isRetryable(failed('http-status', 429), false)).toBe(false);
    expect(isRetryable(failed('http-status', 404), false)).toBe(false);
    expect(isRetryable(failed('http-status'), false)).toBe(false);
    expect(isRetryable(failed('timeout'), false)).toBe(false);
    expect(isRetryable(failed('timeout'), true)).toBe(true);
    expect(isRetryable(failed('aborted'), false)).toBe(true);
    expect(isRetryable({ kind: 'sent', beacon: base, status: 204, attempts: 1 }, false)).toBe(false);
  });

  it('doubles the delay up to the cap, with half of it random', () => {
    expect(retryDelay(1, 1000, 600_000, () => 0)).toBe(500);
    expect(retryDelay(1, 1000, 600_000, () => 0.999)).toBe(1000);
    expect(retryDelay(4, 1000, 600_000, () => 0)).toBe(4000);
    expect(retryDelay(30, 1000, 600_000, () => 0)).toBe(300_000);
    expect(retryDelay(0, 1000, 600_000, () => 0.5)).toBe(750);
  });
});

describe('redisOptions', () => {
  it('fills in the defaults and passes credentials through', () => {
    expect(redisOptions({})).toEqual({ host: '127.0.0.1', port: 6379 });
    expect(redisOptions({ host: 'redis', port: 7000, username: 'u', password: 'p', db: 2 })).toEqual({ host: 'redis', port: 7000, username: 'u', password: 'p', db: 2 });
  });
});
