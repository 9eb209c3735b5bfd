import { startMockAdServer, inlineVast, wrapperVast, type MockAdServer } from '@vast/testkit';

/** The path of the ad tag the bundled chain starts from (the outer wrapper). */
const BUNDLED_AD_TAG_PATH = '/vast/tag.xml';

/** The duration of the bundled inline ad, in seconds. */
const BUNDLED_AD_SECONDS = 15;

/** One document of the bundled chain: where it is served and what it is. */
interface BundledDocument {
  /** The path on the mock server, e.g. `/vast/tag.xml`. */
  readonly path: string;
  /** What it is, for the listing of `serve`. */
  readonly description: string;
  /** The VAST XML. */
  readonly xml: string;
}

/** The mock ad server with the bundled chain, as {@link startBundledAdServer} starts it. */
export interface BundledAdServer {
  /** The running server: its `received()` log holds every document fetch and beacon. */
  readonly server: MockAdServer;
  /** The ad tag URL (the outer wrapper). */
  readonly tag: string;
  /** The documents served, the ad tag first. */
  readonly documents: readonly BundledDocument[];
}

/**
 * The bundled chain: two wrappers (an ad network, then an exchange), each pointing at the next,
 * ending in a 15-second inline linear ad. Every tracking URL points back at the same server under
 * `/track/<level>/...`, so a run that sends beacons sends them to this loopback server only.
 *
 * @param url - turns a path into an absolute URL on the server that serves the chain
 * @returns the three documents, the ad tag first
 */
function bundledDocuments(url: (path: string) => string): BundledDocument[] {
  return [
    {
      path: BUNDLED_AD_TAG_PATH,
      description: 'wrapper, level 1 (ad network)',
      xml: wrapperVast({ adId: 'network-wrapper', adTagUri: url('/vast/exchange.xml'), trackingBase: url('/track/network') }),
    },
    {
      path: '/vast/exchange.xml',
      description: 'wrapper, level 2 (exchange)',
      xml: wrapperVast({ adId: 'exchange-wrapper', adTagUri: url('/vast/inline.xml'), trackingBase: url('/track/exchange') }),
    },
    {
      path: '/vast/inline.xml',
      description: `inline ad, ${BUNDLED_AD_SECONDS} s`,
      xml: inlineVast({ adId: 'demo-inline-ad', durationSeconds: BUNDLED_AD_SECONDS, trackingBase: url('/track/inline') }),
    },
  ];
}

/**
 * Starts a `@vast/testkit` mock ad server on 127.0.0.1 (a free port) serving the bundled chain,
 * answering every beacon under `/track/` with 204. Close it with `server.close()`.
 *
 * @returns the server, the ad tag URL and the documents
 */
export async function startBundledAdServer(): Promise<BundledAdServer> {
  const server = await startMockAdServer({ routes: { '/track/*': { status: 204 } } });
  const documents = bundledDocuments((path) => server.url(path));
  for (const document of documents) server.route(document.path, document.xml);
  return { server, tag: server.url(BUNDLED_AD_TAG_PATH), documents };
}
