import { startMockAdServer, type MockAdServer, type MockAdServerOptions } from '@vast/testkit';
import { VastClient } from '../src/vast-client.js';
import type { VastClientOptions } from '../src/vast-client-options.js';
import { inlineAd, vast, wrapperAd } from './fixtures/vast-xml.js';

/** A mock ad server with a `/t/*` route for every tracking pixel. */
export async function adServer(options: MockAdServerOptions = {}): Promise<MockAdServer> {
  return startMockAdServer({ ...options, routes: { '/t/*': { status: 204 }, ...options.routes } });
}

/** A client allowed to reach the loopback test server. */
export function testClient(options: VastClientOptions = {}): VastClient {
  return new VastClient({ allowlist: ['127.0.0.1'], ...options });
}

/**
 * Routes a chain of `levels` documents under `/<name>/`: levels - 1 wrappers, then an inline ad.
 * Ad ids are `<name>-w0`, `<name>-w1`, ... and `<name>-inline`.
 * @returns the URL of the first document
 */
export function routeChain(server: MockAdServer, name: string, levels: number, wrapperAttributes?: string): string {
  const track = server.url('/t');
  for (let level = 0; level < levels - 1; level++) {
    server.route(
      `/${name}/${level}.xml`,
      vast([
        wrapperAd({
          id: `${name}-w${level}`,
          track,
          uri: server.url(`/${name}/${level + 1}.xml`),
          ...(wrapperAttributes === undefined ? {} : { extraWrapperAttributes: wrapperAttributes }),
        }),
      ]),
    );
  }
  server.route(`/${name}/${levels - 1}.xml`, vast([inlineAd({ id: `${name}-inline`, track })]));
  return server.url(`/${name}/0.xml`);
}

/** The tracking pixels the server received, as `kind/id` (e.g. `err/a-w0`), with the query. */
export function pixels(server: MockAdServer, kind?: string): { path: string; code: string | undefined }[] {
  return server
    .received()
    .filter((r) => r.path.startsWith('/t/') && (kind === undefined || r.path.startsWith(`/t/${kind}/`)))
    .map((r) => ({ path: r.path.slice(3), code: r.query.code }));
}
