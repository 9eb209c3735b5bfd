import { startMockAdServer, type MockAdServer } from '@vast/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_AD_TAG_PATH, demoChain } from '../src/demo-chain.js';
import { runCli } from '../src/run-cli.js';
import { captureIo } from './capture-io.js';

let server: MockAdServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serveChain(): Promise<MockAdServer> {
  server = await startMockAdServer({ routes: { '/empty.xml': '<VAST version="4.2"><Error><![CDATA[https://err.example/e?c=[ERRORCODE]]]></Error></VAST>' } });
  for (const document of demoChain((path) => server?.url(path) ?? path)) server.route(document.path, document.xml);
  return server;
}

describe('fetch <url>', () => {
  it('with --allow-private, resolves a chain on a loopback server and prints the chain and merged ad, firing nothing', async () => {
    const ads = await serveChain();
    const io = captureIo();
    expect(await runCli(['fetch', ads.url(DEMO_AD_TAG_PATH), '--allow-private'], io)).toBe(0);
    const text = io.stdout();
    expect(text).toContain('Chain: 4 hop(s), 3 wrapper(s) then the inline ad');
    expect(text).toContain(`${ads.url('/vast/inline.xml')}\n`);
    expect(text).toContain('impressions:  4');
    expect(text).not.toContain('Beacons');
    // The server saw the four documents being fetched and nothing else.
    expect(ads.received().map((r) => r.path)).toEqual(['/vast/network.xml', '/vast/exchange.xml', '/vast/dsp.xml', '/vast/inline.xml']);
  });

  it('without --allow-private, the SSRF guard refuses loopback: IAB 301, a hint, exit 1, no request made', async () => {
    const ads = await serveChain();
    const io = captureIo();
    expect(await runCli(['fetch', ads.url(DEMO_AD_TAG_PATH)], io)).toBe(1);
    expect(io.stderr()).toContain('No ad to play: IAB 301');
    expect(io.stderr()).toContain('--allow-private');
    expect(ads.received()).toHaveLength(0);
  });

  it('reports a no-ad response with 303 and lists its Error pixel as recorded, not sent', async () => {
    const ads = await serveChain();
    const io = captureIo();
    expect(await runCli(['fetch', ads.url('/empty.xml'), '--allow-private'], io)).toBe(1);
    expect(io.stderr()).toContain('No ad to play: IAB 303');
    expect(io.stderr()).toMatch(/IAB 303 +depth 0 +recorded \(not sent\) +https:\/\/err\.example\/e\?c=303/u);
    expect(io.stderr()).not.toContain('--allow-private');
  });

  it('falls back to the next stand-alone ad, listing the failed one and the parse warnings', async () => {
    const ads = await serveChain();
    ads.route(
      '/two.xml',
      `<VAST version="4.2">
        <Ad id="gone"><Wrapper><AdSystem>x</AdSystem><VASTAdTagURI>${ads.url('/missing.xml')}</VASTAdTagURI><Impression>https://x.example/i</Impression></Wrapper></Ad>
        <Ad><InLine><AdSystem>x</AdSystem><Impression>https://x.example/i2</Impression>
          <Creatives><Creative><Linear><MediaFiles><MediaFile delivery="progressive" type="video/mp4" width="1" height="1">https://x.example/a.mp4</MediaFile></MediaFiles></Linear></Creative></Creatives>
        </InLine></Ad>
      </VAST>`,
    );
    const io = captureIo();
    expect(await runCli(['fetch', ads.url('/two.xml'), '--allow-private'], io)).toBe(0);
    const text = io.stdout();
    expect(text).toMatch(/Ads that failed:\n {2}gone at depth 1: IAB 301: /u);
    expect(text).toContain('Chain: 1 hop(s), 0 wrapper(s) then the inline ad');
    expect(text).toContain('id:           (none)');
    expect(text).toContain('duration:     unknown');
    expect(text).toMatch(/Warnings:\n(?: {2}\[parse\] depth 0: .*\n)+/u);
    expect(text).toContain('Duration');
  });

  it('lists every failed ad when a wrapper in the chain breaks', async () => {
    const ads = await serveChain();
    ads.route('/vast/dsp.xml', { status: 500 });
    const io = captureIo();
    expect(await runCli(['fetch', ads.url(DEMO_AD_TAG_PATH), '--allow-private'], io)).toBe(1);
    const text = io.stderr();
    expect(text).toContain('No ad to play: IAB 301');
    // The Error pixels of the wrappers above the failure, recorded with the code.
    expect(text).toMatch(/IAB 301 +depth \d +recorded \(not sent\) +https:\/\/network\.example\/error\?code=301/u);
  });
});
