import type { MockAdServer } from '@vast/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inlineAd, vast, wrapperAd } from './fixtures/vast-xml.js';
import { adServer, testClient } from './helpers.js';

const CREDENTIALS = { authorization: 'Bearer first-party', cookie: 'sid=1', 'x-api-key': 'k1' };

describe('header scope: the ad tag’s credentials stay on its origin', () => {
  // Two origins: the ad server (the ad tag's) and a third party serving wrappers and pixels.
  let adTag: MockAdServer;
  let third: MockAdServer;
  beforeAll(async () => {
    adTag = await adServer();
    third = await adServer();
  });
  afterEach(() => {
    adTag.reset();
    third.reset();
  });
  afterAll(async () => {
    await adTag.close();
    await third.close();
  });

  it('sends client and per-call headers to the ad tag origin only, forwarded headers to every hop', async () => {
    const track = third.url('/t');
    adTag.route('/tag.xml', vast([wrapperAd({ id: 'same', track, uri: adTag.url('/same-origin.xml') })]));
    adTag.route('/same-origin.xml', vast([wrapperAd({ id: 'cross', track, uri: third.url('/third.xml') })]));
    third.route('/third.xml', vast([inlineAd({ id: 'inline', track })]));
    const client = testClient({ headers: CREDENTIALS, forwardedHeaders: { 'x-device-ip': '203.0.113.7' } });
    const result = await client.get(adTag.url('/tag.xml'), {
      headers: { authorization: 'Bearer per-call' },
      forwardedHeaders: { 'x-device-user-agent': 'TV/1' },
    });
    await client.close();
    expect(result.ads).toHaveLength(1);
    for (const request of adTag.received()) {
      expect(request.headers).toMatchObject({ ...CREDENTIALS, authorization: 'Bearer per-call', 'x-device-ip': '203.0.113.7' });
    }
    expect(adTag.received()).toHaveLength(2);
    const [wrapperHop] = third.received();
    expect(wrapperHop?.path).toBe('/third.xml');
    expect(wrapperHop?.headers).toMatchObject({ 'x-device-ip': '203.0.113.7', 'x-device-user-agent': 'TV/1' });
    for (const name of ['authorization', 'cookie', 'x-api-key']) expect(wrapperHop?.headers[name]).toBeUndefined();
  });

  it('does not send the ad tag headers to Error pixel hosts', async () => {
    const track = third.url('/t');
    adTag.route('/fails.xml', vast([wrapperAd({ id: 'f', track, uri: third.url('/missing.xml') })]));
    const client = testClient({ headers: CREDENTIALS, forwardedHeaders: { 'x-device-ip': '203.0.113.7' } });
    const result = await client.get(adTag.url('/fails.xml'));
    await client.close();
    expect(result.errorPixels).toHaveLength(1);
    const pixel = third.received().find((r) => r.path === '/t/err/f');
    expect(pixel?.headers['x-device-ip']).toBe('203.0.113.7');
    for (const name of ['authorization', 'cookie', 'x-api-key']) expect(pixel?.headers[name]).toBeUndefined();
  });

  it('drops the ad tag headers after a redirect to another origin, and does not send them back', async () => {
    adTag.route('/moved.xml', { status: 302, headers: { location: third.url('/bounce') } });
    third.route('/bounce', { status: 302, headers: { location: adTag.url('/final.xml') } });
    adTag.route('/final.xml', vast([inlineAd({ id: 'r', track: third.url('/t') })]));
    const client = testClient({ headers: CREDENTIALS });
    const result = await client.get(adTag.url('/moved.xml'));
    await client.close();
    expect(result.ads).toHaveLength(1);
    expect(third.received()[0]?.headers['x-api-key']).toBeUndefined();
    const final = adTag.received().find((r) => r.path === '/final.xml');
    expect(final?.headers['x-api-key']).toBeUndefined();
    expect(adTag.received().find((r) => r.path === '/moved.xml')?.headers['x-api-key']).toBe('k1');
  });

  it('resolve() has no ad tag: its wrappers get only the forwarded headers', async () => {
    third.route('/w.xml', vast([inlineAd({ id: 'x', track: third.url('/t') })]));
    const client = testClient({ headers: CREDENTIALS, forwardedHeaders: { 'x-device-ip': '203.0.113.7' } });
    const result = await client.resolve(vast([wrapperAd({ id: 'rw', track: third.url('/t'), uri: third.url('/w.xml') })]));
    await client.close();
    expect(result.ads).toHaveLength(1);
    const hop = third.received().find((r) => r.path === '/w.xml');
    expect(hop?.headers['x-device-ip']).toBe('203.0.113.7');
    expect(hop?.headers['x-api-key']).toBeUndefined();
  });
});
