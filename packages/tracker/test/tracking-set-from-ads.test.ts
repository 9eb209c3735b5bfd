import { describe, expect, it } from 'vitest';
import type { Creative, InlineAd, WrapperAd } from '@vast/parser';
import { macroValuesFromAd, trackingLevelFromAd, trackingSetFromAds } from '../src/index.js';

const base = { verifications: [], blockedAdCategories: [], extensions: [] } as const;

const linear: Creative = {
  type: 'linear',
  universalAdIds: [{ idRegistry: 'ad-id.org', value: 'CNPA0484000H' }],
  creativeExtensions: [],
  duration: 30,
  mediaFiles: [],
  mezzanines: [],
  interactiveCreativeFiles: [],
  closedCaptionFiles: [],
  videoClicks: { clickTrackings: [{ url: 'https://in.example/click' }], customClicks: [] },
  trackingEvents: [
    { event: 'start', url: 'https://in.example/start' },
    { event: 'progress', url: 'https://in.example/p5', offset: { type: 'time', seconds: 5 } },
  ],
  icons: [],
};

const companion: Creative = {
  type: 'companion',
  universalAdIds: [],
  creativeExtensions: [],
  companions: [{ resources: [], clickTrackings: [], trackingEvents: [{ event: 'creativeView', url: 'https://in.example/cc' }] }],
};

const inline: InlineAd = {
  ...base,
  type: 'inline',
  adServingId: 'adsrv-1',
  impressions: [{ url: 'https://in.example/imp' }],
  errors: ['https://in.example/err?c=[ERRORCODE]'],
  categories: [],
  creatives: [companion, linear],
};

const wrapper: WrapperAd = {
  ...base,
  type: 'wrapper',
  vastAdTagUri: 'https://wrap.example/vast.xml',
  followAdditionalWrappers: true,
  allowMultipleAds: false,
  impressions: [{ url: 'https://wrap.example/imp', id: 'w' }],
  errors: [],
  creatives: [
    {
      type: 'nonlinear',
      universalAdIds: [],
      creativeExtensions: [],
      nonLinears: [],
      trackingEvents: [{ event: 'start', url: 'https://wrap.example/start' }],
    },
  ],
};

describe('trackingSetFromAds', () => {
  it('takes the linear tracking of the inline ad first, then each wrapper', () => {
    expect(trackingSetFromAds(inline, [wrapper])).toEqual({
      levels: [
        {
          impressions: ['https://in.example/imp'],
          errors: ['https://in.example/err?c=[ERRORCODE]'],
          events: linear.type === 'linear' ? linear.trackingEvents : [],
          clickTrackings: ['https://in.example/click'],
        },
        { impressions: ['https://wrap.example/imp'], errors: [], events: [{ event: 'start', url: 'https://wrap.example/start' }], clickTrackings: [] },
      ],
    });
  });

  it('uses every creative when none is linear, and ignores companions', () => {
    const level = trackingLevelFromAd({ ...inline, creatives: [companion] });
    expect(level.events).toEqual([]);
    expect(trackingSetFromAds(inline).levels).toHaveLength(1);
  });
});

describe('macroValuesFromAd', () => {
  it('gives [UNIVERSALADID] and [ADSERVINGID] from the ad', () => {
    expect(macroValuesFromAd(inline)).toEqual({ UNIVERSALADID: ['ad-id.org CNPA0484000H'], ADSERVINGID: 'adsrv-1' });
    expect(macroValuesFromAd(wrapper)).toEqual({});
  });
});
