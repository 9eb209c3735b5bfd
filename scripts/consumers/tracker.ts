// A consumer of @vast/tracker alone: a tracking set from an ad of the shape a
// parsed ad has, and the progress offsets the tracker will watch.
import { progressOffsetsOf, trackingSetFromAds, type TrackableAd } from '@vast/tracker';

const ad: TrackableAd = {
  type: 'inline',
  impressions: [{ url: 'https://ads.example/imp' }],
  errors: [],
  creatives: [
    {
      type: 'linear',
      universalAdIds: [],
      videoClicks: { clickTrackings: [] },
      trackingEvents: [{ event: 'progress', url: 'https://ads.example/p5', offset: { type: 'time', seconds: 5 } }],
    },
  ],
};
const offsets = progressOffsetsOf(trackingSetFromAds(ad));
if (offsets.length !== 1 || offsets[0]?.type !== 'time') throw new Error(`unexpected offsets: ${JSON.stringify(offsets)}`);
console.log('progress offsets:', JSON.stringify(offsets));
