import { describe, expect, it } from 'vitest';
import { FactoryError, isFactoryError } from '../src/index.js';

describe('isFactoryError', () => {
  it('recognises a FactoryError and its stable code', () => {
    const error = new FactoryError('FACTORY_CLOSED', 'closed');
    expect(isFactoryError(error)).toBe(true);
    expect(error).toMatchObject({ name: 'FactoryError', code: 'FACTORY_CLOSED' });
  });

  it('recognises an error from another copy of the package by its Symbol.for brand, and nothing else', () => {
    const foreign = Object.assign(new Error('x'), { code: 'FACTORY_CLOSED', [Symbol.for('@vast/factory.FactoryError')]: true });
    expect(isFactoryError(foreign)).toBe(true);
    expect(isFactoryError(Object.assign(new Error('x'), { code: 'FACTORY_CLOSED' }))).toBe(false);
    expect(isFactoryError(null)).toBe(false);
    expect(isFactoryError('FACTORY_CLOSED')).toBe(false);
  });
});
