/** One hop of the demo chain: the path it is served at and the VAST document it answers. */
export interface DemoDocument {
  /** The path on the mock ad server, e.g. `/vast/network.xml`. */
  readonly path: string;
  /** The VAST XML served there. */
  readonly xml: string;
}

/** The path of the ad tag the demo starts from (the outermost wrapper). */
export const DEMO_AD_TAG_PATH = '/vast/network.xml';

/**
 * A wrapper whose tracking goes to `host`. Each level reports the impression and `start` to its
 * own tracking server, as ad networks, exchanges and DSPs do along a real chain.
 */
function wrapper(id: string, host: string, next: string, extraEvents: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<VAST version="4.2">
  <Ad id="${id}">
    <Wrapper>
      <AdSystem version="1.0">${host}</AdSystem>
      <VASTAdTagURI><![CDATA[${next}]]></VASTAdTagURI>
      <Error><![CDATA[https://${host}/error?code=[ERRORCODE]]]></Error>
      <Impression><![CDATA[https://${host}/impression?cb=[CACHEBUSTING]]]></Impression>
      <Creatives>
        <Creative>
          <Linear>
            <TrackingEvents>
              <Tracking event="start"><![CDATA[https://${host}/start]]></Tracking>${extraEvents}
            </TrackingEvents>
          </Linear>
        </Creative>
      </Creatives>
    </Wrapper>
  </Ad>
</VAST>
`;
}

const INLINE = `<?xml version="1.0" encoding="UTF-8"?>
<VAST version="4.2">
  <Ad id="demo-inline-ad">
    <InLine>
      <AdSystem version="2.1">advertiser.example</AdSystem>
      <AdServingId>demo-serving-1</AdServingId>
      <AdTitle>@vast demo spot</AdTitle>
      <Error><![CDATA[https://advertiser.example/error?code=[ERRORCODE]]]></Error>
      <Impression id="advertiser"><![CDATA[https://advertiser.example/impression?ts=[TIMESTAMP]]]></Impression>
      <Creatives>
        <Creative id="demo-creative" sequence="1">
          <UniversalAdId idRegistry="ad-id.org">DEMO0000001H</UniversalAdId>
          <Linear>
            <Duration>00:00:15</Duration>
            <TrackingEvents>
              <Tracking event="start"><![CDATA[https://advertiser.example/start]]></Tracking>
              <Tracking event="firstQuartile"><![CDATA[https://advertiser.example/q1]]></Tracking>
              <Tracking event="midpoint"><![CDATA[https://advertiser.example/q2]]></Tracking>
              <Tracking event="thirdQuartile"><![CDATA[https://advertiser.example/q3]]></Tracking>
              <Tracking event="complete"><![CDATA[https://advertiser.example/complete]]></Tracking>
            </TrackingEvents>
            <VideoClicks>
              <ClickThrough><![CDATA[https://advertiser.example/landing]]></ClickThrough>
            </VideoClicks>
            <MediaFiles>
              <MediaFile delivery="progressive" type="video/mp4" width="1920" height="1080" bitrate="4500"><![CDATA[https://cdn.advertiser.example/spot-1080p.mp4]]></MediaFile>
              <MediaFile delivery="progressive" type="video/mp4" width="1280" height="720" bitrate="2500"><![CDATA[https://cdn.advertiser.example/spot-720p.mp4]]></MediaFile>
              <MediaFile delivery="streaming" type="application/x-mpegURL" width="1920" height="1080"><![CDATA[https://cdn.advertiser.example/spot.m3u8]]></MediaFile>
            </MediaFiles>
          </Linear>
        </Creative>
      </Creatives>
    </InLine>
  </Ad>
</VAST>
`;

/**
 * The demo's wrapper chain: three wrappers (an ad network, an exchange, a DSP), each pointing at
 * the next, ending in an inline linear ad of 15 seconds with three media files. Tracking URLs use
 * `.example` hosts (reserved names that never resolve), so nothing could reach a real campaign.
 *
 * @param url - turns a path into an absolute URL on the server that serves the chain
 * @returns the four documents, the ad tag first
 */
export function demoChain(url: (path: string) => string): DemoDocument[] {
  return [
    {
      path: DEMO_AD_TAG_PATH,
      xml: wrapper('network-1', 'network.example', url('/vast/exchange.xml'), ''),
    },
    {
      path: '/vast/exchange.xml',
      xml: wrapper(
        'exchange-7',
        'exchange.example',
        url('/vast/dsp.xml'),
        '\n              <Tracking event="complete"><![CDATA[https://exchange.example/complete]]></Tracking>',
      ),
    },
    {
      path: '/vast/dsp.xml',
      xml: wrapper(
        'dsp-42',
        'dsp.example',
        url('/vast/inline.xml'),
        '\n              <Tracking event="firstQuartile"><![CDATA[https://dsp.example/q1]]></Tracking>' +
          '\n              <Tracking event="complete"><![CDATA[https://dsp.example/complete]]></Tracking>',
      ),
    },
    { path: '/vast/inline.xml', xml: INLINE },
  ];
}
