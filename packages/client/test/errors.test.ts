// Every error of @vast/client has a stable string code and a guard that recognises it by its
// Symbol.for brand, so that a second installed copy of the package is recognised too.
import { startMockAdServer, type MockAdServer } from '@vast/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FetchError,
  SsrfBlockedError,
  VastClient,
  VastClientConfigError,
  isFetchError,
  isSsrfBlockedError,
  isVastClientConfigError,
  type FetchErrorKind,
} from '../src/index.js';

function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('FetchError', () => {
  it('has one stable code per kind: FETCH_ and the kind in capitals', () => {
    const kinds: Record<FetchErrorKind, string> = {
      'invalid-url': 'FETCH_INVALID_URL',
      'unsupported-scheme': 'FETCH_UNSUPPORTED_SCHEME',
      blocked: 'FETCH_BLOCKED',
      timeout: 'FETCH_TIMEOUT',
      budget: 'FETCH_BUDGET',
      'http-status': 'FETCH_HTTP_STATUS',
      network: 'FETCH_NETWORK',
      'too-large': 'FETCH_TOO_LARGE',
      'too-many-redirects': 'FETCH_TOO_MANY_REDIRECTS',
      'redirect-loop': 'FETCH_REDIRECT_LOOP',
      overloaded: 'FETCH_OVERLOADED',
    };
    for (const [kind, code] of Object.entries(kinds) as [FetchErrorKind, string][]) {
      const error = new FetchError(kind, 'http://a.test/', 'x');
      expect(error.code, kind).toBe(code);
      expect(error.kind).toBe(kind);
    }
  });

  it('is recognised by its brand, also from another copy of the package', () => {
    expect(isFetchError(new FetchError('timeout', 'http://a.test/', 'x'))).toBe(true);
    const foreign = Object.assign(new Error('x'), { code: 'FETCH_TIMEOUT', kind: 'timeout', [Symbol.for('@vast/client.FetchError')]: true });
    expect(isFetchError(foreign)).toBe(true);
    expect(isFetchError(Object.assign(new Error('x'), { code: 'FETCH_TIMEOUT', kind: 'timeout' }))).toBe(false);
    expect(isFetchError(new SsrfBlockedError('a', '127.0.0.1', 'loopback'))).toBe(false);
    expect(isFetchError(null)).toBe(false);
  });
});

describe('SsrfBlockedError', () => {
  it('keeps its code and is recognised by its brand, also from another copy of the package', () => {
    const error = new SsrfBlockedError('localhost', '127.0.0.1', 'loopback');
    expect(error.code).toBe('SSRF_BLOCKED');
    expect(isSsrfBlockedError(error)).toBe(true);
    expect(isSsrfBlockedError(Object.assign(new Error('x'), { [Symbol.for('@vast/client.SsrfBlockedError')]: true }))).toBe(true);
    expect(isSsrfBlockedError(Object.assign(new Error('x'), { code: 'SSRF_BLOCKED' }))).toBe(false);
    expect(isSsrfBlockedError(undefined)).toBe(false);
  });
});

describe('VastClientConfigError', () => {
  it('is what a bad option throws, with the code INVALID_CLIENT_OPTIONS', () => {
    const error = thrownBy(() => new VastClient({ hopTimeoutMs: -1 }));
    expect(isVastClientConfigError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'INVALID_CLIENT_OPTIONS', path: 'hopTimeoutMs', value: -1 });
    const allowlist = thrownBy(() => new VastClient({ allowlist: ['not an address/99'] }));
    expect(allowlist).toMatchObject({ code: 'INVALID_CLIENT_OPTIONS', path: 'allowlist[0]' });
  });

  it('is recognised by its brand, also from another copy of the package', () => {
    const foreign = Object.assign(new Error('x'), { [Symbol.for('@vast/client.VastClientConfigError')]: true });
    expect(isVastClientConfigError(foreign)).toBe(true);
    expect(isVastClientConfigError(new VastClientConfigError('maxRedirects', -1, 'an integer'))).toBe(true);
    expect(isVastClientConfigError(new Error('Invalid VastClient option'))).toBe(false);
  });
});

describe('errors of a real resolution', () => {
  let server: MockAdServer;
  beforeAll(async () => {
    server = await startMockAdServer({ routes: { '/missing.xml': { status: 404 } } });
  });
  afterAll(() => server.close());

  it('reports a refused loopback fetch as 301 caused by FETCH_BLOCKED, caused by SSRF_BLOCKED', async () => {
    const client = new VastClient({});
    try {
      const result = await client.get(server.url('/missing.xml'));
      expect(result.error).toMatchObject({ code: 'VAST_ERROR', errorCode: 301 });
      const cause = result.error?.cause;
      expect(isFetchError(cause) && cause.code).toBe('FETCH_BLOCKED');
      expect(isSsrfBlockedError((cause as FetchError).cause)).toBe(true);
    } finally {
      await client.close();
    }
  });

  it('reports a 404 as 301 caused by FETCH_HTTP_STATUS', async () => {
    const client = new VastClient({ allowlist: ['127.0.0.1'] });
    try {
      const result = await client.get(server.url('/missing.xml'));
      const cause = result.error?.cause;
      expect(isFetchError(cause) && [cause.code, cause.status]).toEqual(['FETCH_HTTP_STATUS', 404]);
    } finally {
      await client.close();
    }
  });
});
