import { describe, expect, it } from 'vitest';
import { PlayerError, isPlayerError } from '../src/index.js';

describe('isPlayerError', () => {
  it('recognises a PlayerError and its stable code', () => {
    const error = new PlayerError('NOT_SKIPPABLE', 'no skipoffset');
    expect(isPlayerError(error)).toBe(true);
    expect(error).toMatchObject({ name: 'PlayerError', code: 'NOT_SKIPPABLE' });
  });

  it('recognises an error from another copy of the package by its Symbol.for brand, and nothing else', () => {
    const foreign = Object.assign(new Error('x'), { code: 'NOT_SKIPPABLE', [Symbol.for('@vast/player-core.PlayerError')]: true });
    expect(isPlayerError(foreign)).toBe(true);
    expect(isPlayerError(Object.assign(new Error('x'), { code: 'NOT_SKIPPABLE' }))).toBe(false);
    expect(isPlayerError(undefined)).toBe(false);
  });
});
