import { SimulatedTimeProvider } from '@vast/time';
import { describe, expect, it } from 'vitest';
import { PlaybackSession, isSessionError } from '../src/index.js';

describe('isSessionError', () => {
  it('recognizes every error kind of this package, and a copy from another install by its brand', () => {
    const session = new PlaybackSession({ id: 'e', adId: 'a', time: new SimulatedTimeProvider() });
    const caught: unknown[] = [];
    try {
      session.pause();
    } catch (error) {
      caught.push(error);
    }
    try {
      PlaybackSession.fromJSON({}, { time: new SimulatedTimeProvider() });
    } catch (error) {
      caught.push(error);
    }
    try {
      session.fail({ code: 903 });
    } catch (error) {
      caught.push(error);
    }
    expect(caught.map((e) => isSessionError(e) && e.code)).toEqual(['ILLEGAL_TRANSITION', 'INVALID_SESSION_JSON', 'INVALID_SESSION_ARGUMENT']);
    const foreign = Object.assign(new Error('x'), { [Symbol.for('@vast/session.SessionError')]: true });
    expect(isSessionError(foreign)).toBe(true);
    expect(isSessionError(new RangeError('x'))).toBe(false);
    expect(isSessionError(undefined)).toBe(false);
  });
});
