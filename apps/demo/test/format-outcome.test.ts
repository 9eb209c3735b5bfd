import type { Beacon } from '@vast/tracker';
import { describe, expect, it } from 'vitest';
import { describeOutcome } from '../src/format-outcome.js';

const beacon: Beacon = { id: 1, event: 'impression', url: 'https://a.example/i', template: 'https://a.example/i', level: 0, time: 0 };

describe('describeOutcome', () => {
  it('names each kind of outcome with its status or reason', () => {
    expect(describeOutcome({ kind: 'sent', beacon, status: 204, attempts: 1 })).toBe('sent 204');
    expect(describeOutcome({ kind: 'failed', beacon, reason: 'timeout', message: 'no answer', attempts: 3 })).toBe('failed (timeout)');
    expect(describeOutcome({ kind: 'dropped', beacon, reason: 'unsupported-scheme', message: 'ftp' })).toBe('dropped (unsupported-scheme)');
    expect(describeOutcome({ kind: 'recorded', beacon })).toBe('recorded (not sent)');
    expect(describeOutcome({ kind: 'queued', beacon, key: 's|0|impression|x' })).toBe('queued');
  });
});
