import type { MockAdServer } from '@vast/testkit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { VastClient } from '../src/vast-client.js';
import { inlineAd, vast, wrapperAd } from './fixtures/vast-xml.js';
import { adServer, pixels, testClient } from './helpers.js';

describe('VastClient pods, buffets and wrapper attributes', () => {
  let server: MockAdServer;
  let client: VastClient;
  let track: string;
  beforeAll(async () => {
    server = await adServer();
    client = testClient();
    track = server.url('/t');
    server.route('/empty.xml', vast([], `${server.url('/t/err/empty-doc')}?code=[ERRORCODE]`));
    server.route('/inline-x.xml', vast([inlineAd({ id: 'x', track })]));
  });
  afterEach(() => server.reset());
  afterAll(async () => {
    await client.close();
    await server.close();
  });

  it('returns a pod in sequence order whatever the document order', async () => {
    server.route(
      '/pod.xml',
      vast([
        inlineAd({ id: 'p3', sequence: 3, track }),
        inlineAd({ id: 'p1', sequence: 1, track }),
        inlineAd({ id: 'p2', sequence: 2, track }),
      ]),
    );
    const result = await client.get(server.url('/pod.xml'));
    expect(result.isPod).toBe(true);
    expect(result.ads.map((a) => [a.ad.id, a.sequence])).toEqual([
      ['p1', 1],
      ['p2', 2],
      ['p3', 3],
    ]);
    expect(result.buffet).toEqual([]);
  });

  it('keeps buffet ads apart from the pod', async () => {
    server.route(
      '/pod-buffet.xml',
      vast([
        inlineAd({ id: 'b1', track }),
        inlineAd({ id: 'p1', sequence: 1, track }),
        wrapperAd({ id: 'b2', track, uri: server.url('/inline-x.xml') }),
        inlineAd({ id: 'p2', sequence: 2, track }),
      ]),
    );
    const result = await client.get(server.url('/pod-buffet.xml'));
    expect(result.ads.map((a) => a.ad.id)).toEqual(['p1', 'p2']);
    expect(result.buffet.map((a) => a.ad.id)).toEqual(['b1', 'x']);
    expect(result.buffet[1]?.wrappers.map((w) => w.id)).toEqual(['b2']);
  });

  it('resolves pod ads through wrappers, each with its own wrapper tracking', async () => {
    server.route(
      '/pod-wrapped.xml',
      vast([
        wrapperAd({ id: 'w1', sequence: 1, track, uri: server.url('/inline-x.xml') }),
        wrapperAd({ id: 'w2', sequence: 2, track, uri: server.url('/inline-x.xml') }),
      ]),
    );
    const result = await client.get(server.url('/pod-wrapped.xml'));
    expect(result.ads.map((a) => [a.sequence, a.wrappers[0]?.id])).toEqual([
      [1, 'w1'],
      [2, 'w2'],
    ]);
    expect(result.ads.map((a) => a.ad.impressions.map((i) => i.url.split('/').pop()))).toEqual([
      ['x', 'w1'],
      ['x', 'w2'],
    ]);
  });

  it('expands a wrapper that allows multiple ads into the pod it returns, its impression on each ad', async () => {
    server.route(
      '/nested-pod.xml',
      vast([
        inlineAd({ id: 'n2', sequence: 2, track }),
        inlineAd({ id: 'n1', sequence: 1, track }),
        inlineAd({ id: 'nb', track }),
      ]),
    );
    server.route(
      '/multi.xml',
      vast([wrapperAd({ id: 'wm', track, uri: server.url('/nested-pod.xml'), extraWrapperAttributes: 'allowMultipleAds="true"' })]),
    );
    const result = await client.get(server.url('/multi.xml'));
    expect(result.ads.map((a) => a.ad.id)).toEqual(['n1', 'n2']);
    expect(result.isPod).toBe(true);
    for (const resolved of result.ads) {
      expect(resolved.ad.impressions.map((i) => i.url.split('/').pop())).toContain('wm');
    }
    expect(result.warnings.map((w) => w.kind)).toEqual(['ads-dropped']);
  });

  it('takes only the first stand-alone ad when the wrapper does not allow multiple ads', async () => {
    server.route('/two-ads.xml', vast([inlineAd({ id: 'first', track }), inlineAd({ id: 'second', track })]));
    server.route('/single.xml', vast([wrapperAd({ id: 'ws', track, uri: server.url('/two-ads.xml') })]));
    const result = await client.get(server.url('/single.xml'));
    expect(result.ads.map((a) => a.ad.id)).toEqual(['first']);
    expect(result.warnings).toMatchObject([{ kind: 'ads-dropped', depth: 1, url: server.url('/two-ads.xml') }]);
  });

  it('ignores further wrappers when followAdditionalWrappers is false (303)', async () => {
    server.route('/next-wrapper.xml', vast([wrapperAd({ id: 'w-next', track, uri: server.url('/inline-x.xml') })]));
    server.route(
      '/no-follow.xml',
      vast([
        wrapperAd({
          id: 'nf',
          track,
          uri: server.url('/next-wrapper.xml'),
          extraWrapperAttributes: 'followAdditionalWrappers="false"',
        }),
      ]),
    );
    const result = await client.get(server.url('/no-follow.xml'));
    expect(result.error?.errorCode).toBe(303);
    expect(server.received().some((r) => r.path === '/inline-x.xml')).toBe(false);
    expect(result.warnings.map((w) => w.kind)).toEqual(['wrapper-ignored']);
    expect(pixels(server, 'err')).toEqual([{ path: 'err/nf', code: '303' }]);
  });

  it('follows an inline answer when followAdditionalWrappers is false', async () => {
    server.route(
      '/no-follow-ok.xml',
      vast([wrapperAd({ id: 'nf2', track, uri: server.url('/inline-x.xml'), extraWrapperAttributes: 'followAdditionalWrappers="false"' })]),
    );
    expect((await client.get(server.url('/no-follow-ok.xml'))).ads.map((a) => a.ad.id)).toEqual(['x']);
  });

  function failingPod(attribute: string): string {
    return vast([
      inlineAd({ id: 'p1', sequence: 1, track }),
      wrapperAd({ id: 'p2', sequence: 2, track, uri: server.url('/empty.xml'), extraWrapperAttributes: attribute }),
      inlineAd({ id: 'p3', sequence: 3, track }),
      inlineAd({ id: 'buffet', track }),
    ]);
  }

  it('fills a failed pod ad from the buffet when its wrapper says fallbackOnNoAd', async () => {
    server.route('/fallback.xml', failingPod('fallbackOnNoAd="true"'));
    const result = await client.get(server.url('/fallback.xml'));
    expect(result.ads.map((a) => [a.ad.id, a.sequence, a.replacesSequence])).toEqual([
      ['p1', 1, undefined],
      ['buffet', 2, 2],
      ['p3', 3, undefined],
    ]);
    expect(result.buffet).toEqual([]);
    expect(result.failures.map((f) => [f.error.errorCode, f.sequence, f.adId])).toEqual([[303, 2, 'p2']]);
    expect(pixels(server, 'err').sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: 'err/empty-doc', code: '303' },
      { path: 'err/p2', code: '303' },
    ]);
  });

  it.each(['fallbackOnNoAd="false"', ''])('moves on to the next pod ad with %s', async (attribute) => {
    server.route('/no-fallback.xml', failingPod(attribute));
    const result = await client.get(server.url('/no-fallback.xml'));
    expect(result.ads.map((a) => a.ad.id)).toEqual(['p1', 'p3']);
    expect(result.buffet.map((a) => a.ad.id)).toEqual(['buffet']);
    expect(result.error).toBeUndefined();
  });

  it('falls back to the next stand-alone ad unless the failed wrapper forbids it', async () => {
    const standalone = (attribute: string): string =>
      vast([
        wrapperAd({ id: 's1', track, uri: server.url('/empty.xml'), extraWrapperAttributes: attribute }),
        inlineAd({ id: 's2', track }),
        inlineAd({ id: 's3', track }),
      ]);
    server.route('/standalone.xml', standalone(''));
    const fallback = await client.get(server.url('/standalone.xml'));
    expect(fallback.ads.map((a) => a.ad.id)).toEqual(['s2']);
    expect(fallback.buffet.map((a) => a.ad.id)).toEqual(['s3']);
    expect(fallback.isPod).toBe(false);
    server.route('/standalone.xml', standalone('fallbackOnNoAd="false"'));
    const strict = await client.get(server.url('/standalone.xml'));
    expect(strict.ads).toEqual([]);
    expect(strict.error?.errorCode).toBe(303);
    expect(strict.buffet.map((a) => a.ad.id)).toEqual(['s2', 's3']);
  });

  it('fires the Error pixels of a shared wrapper once per code when several of its ads fail', async () => {
    server.route(
      '/two-empty-pod.xml',
      vast([
        inlineAd({ id: 'e1', sequence: 1, track }),
        inlineAd({ id: 'e2', sequence: 2, track }),
      ]).replace(/<InLine>[\s\S]*?<\/InLine>/gu, '<Wrapper><VASTAdTagURI><![CDATA[' + server.url('/empty.xml') + ']]></VASTAdTagURI></Wrapper>'),
    );
    server.route(
      '/shared.xml',
      vast([wrapperAd({ id: 'shared', track, uri: server.url('/two-empty-pod.xml'), extraWrapperAttributes: 'allowMultipleAds="true"' })]),
    );
    const result = await client.get(server.url('/shared.xml'));
    expect(result.error?.errorCode).toBe(303);
    expect(result.failures).toHaveLength(2);
    expect(pixels(server, 'err').filter((p) => p.path === 'err/shared')).toHaveLength(1);
  });
});
