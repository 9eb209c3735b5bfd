import { describe, expect, it } from 'vitest';
import { MockAdServerError, isMockAdServerError, startMockAdServer } from '../src/index.js';
import { SimulatedTimeProvider } from '@vast/time';

describe('MockAdServerError', () => {
  it('is what a waitFor past its timeout rejects with: code WAIT_FOR_TIMEOUT', async () => {
    const clock = new SimulatedTimeProvider({ mode: 'manual' });
    const server = await startMockAdServer({ time: clock });
    try {
      const waiting = server.waitFor((r) => r.path === '/never', { timeout: 1000 }).catch((error: unknown) => error);
      clock.tick(1000);
      const error = await waiting;
      expect(isMockAdServerError(error)).toBe(true);
      expect(error).toMatchObject({ name: 'MockAdServerError', code: 'WAIT_FOR_TIMEOUT' });
    } finally {
      await server.close();
    }
  });

  it('is recognised by its Symbol.for brand, also from another copy of the package, and nothing else is', () => {
    expect(isMockAdServerError(new MockAdServerError('WAIT_FOR_TIMEOUT', 'x'))).toBe(true);
    expect(isMockAdServerError(Object.assign(new Error('x'), { [Symbol.for('@vast/testkit.MockAdServerError')]: true }))).toBe(true);
    expect(isMockAdServerError(Object.assign(new Error('x'), { code: 'WAIT_FOR_TIMEOUT' }))).toBe(false);
    expect(isMockAdServerError(null)).toBe(false);
  });
});
