import { parseVast, type InlineAd, type WrapperAd } from '@vast/parser';
import { describe, expect, it } from 'vitest';
import { mergeWrapperTracking } from '../src/merge-wrapper-tracking.js';

function firstAd(xml: string): InlineAd | WrapperAd {
  const ad = parseVast(xml).ads[0];
  if (ad === undefined) throw new Error('no ad');
  return ad;
}

const INLINE = `<VAST version="4.2"><Ad id="in"><InLine>
  <AdSystem>s</AdSystem><AdTitle>t</AdTitle>
  <Impression>https://in.example/imp</Impression>
  <ViewableImpression><Viewable>https://in.example/viewable</Viewable></ViewableImpression>
  <Creatives>
    <Creative><Linear><Duration>00:00:10</Duration>
      <MediaFiles><MediaFile delivery="progressive" type="video/mp4" width="640" height="360">https://cdn.example/a.mp4</MediaFile></MediaFiles>
      <Icons><Icon program="AdChoices" width="10" height="10"><StaticResource creativeType="image/png">https://in.example/icon.png</StaticResource></Icon></Icons>
    </Linear></Creative>
    <Creative><NonLinearAds>
      <NonLinear width="300" height="50"><StaticResource creativeType="image/png">https://in.example/nl.png</StaticResource>
        <NonLinearClickTracking>https://in.example/nlclick</NonLinearClickTracking></NonLinear>
      <TrackingEvents><Tracking event="creativeView">https://in.example/nlview</Tracking></TrackingEvents>
    </NonLinearAds></Creative>
    <Creative><CompanionAds>
      <Companion adSlotID="top" width="728" height="90"><StaticResource creativeType="image/png">https://in.example/c.png</StaticResource></Companion>
    </CompanionAds></Creative>
  </Creatives>
</InLine></Ad></VAST>`;

const WRAPPER = `<VAST version="4.2"><Ad id="w"><Wrapper>
  <AdSystem>s</AdSystem>
  <VASTAdTagURI>https://next.example/vast</VASTAdTagURI>
  <Impression>https://w.example/imp</Impression>
  <ViewableImpression><NotViewable>https://w.example/notviewable</NotViewable></ViewableImpression>
  <BlockedAdCategories authority="iab">IAB25</BlockedAdCategories>
  <Creatives>
    <Creative><Linear>
      <Icons>
        <Icon program="AdChoices" width="20" height="20"><StaticResource creativeType="image/png">https://w.example/icon.png</StaticResource></Icon>
        <Icon program="Brand" width="20" height="20"><StaticResource creativeType="image/png">https://w.example/brand.png</StaticResource></Icon>
      </Icons>
      <VideoClicks><CustomClick>https://w.example/custom</CustomClick></VideoClicks>
    </Linear></Creative>
    <Creative><NonLinearAds>
      <NonLinear><NonLinearClickTracking>https://w.example/nlclick</NonLinearClickTracking></NonLinear>
      <TrackingEvents><Tracking event="creativeView">https://w.example/nlview</Tracking></TrackingEvents>
    </NonLinearAds></Creative>
    <Creative><CompanionAds>
      <Companion adSlotID="top"><TrackingEvents><Tracking event="creativeView">https://w.example/cview</Tracking></TrackingEvents>
        <CompanionClickTracking>https://w.example/cclick</CompanionClickTracking></Companion>
      <Companion width="160" height="600"><StaticResource creativeType="image/png">https://w.example/side.png</StaticResource></Companion>
      <Companion width="1" height="1"><TrackingEvents><Tracking event="creativeView">https://w.example/orphan</Tracking></TrackingEvents></Companion>
    </CompanionAds></Creative>
  </Creatives>
</Wrapper></Ad></VAST>`;

describe('mergeWrapperTracking', () => {
  const inline = firstAd(INLINE) as InlineAd;
  const wrapper = firstAd(WRAPPER) as WrapperAd;

  it('returns the ad itself when there are no wrappers', () => {
    expect(mergeWrapperTracking(inline, [])).toBe(inline);
  });

  it('adds the wrapper’s impressions, viewability URLs and blocked categories after the ad’s own', () => {
    const merged = mergeWrapperTracking(inline, [wrapper]);
    expect(merged.impressions.map((i) => i.url)).toEqual(['https://in.example/imp', 'https://w.example/imp']);
    expect(merged.viewableImpression?.viewable).toEqual(['https://in.example/viewable']);
    expect(merged.viewableImpression?.notViewable).toEqual(['https://w.example/notviewable']);
    expect(merged.blockedAdCategories.map((c) => c.value)).toEqual(['IAB25']);
    expect(inline.impressions).toHaveLength(1);
  });

  it('merges linear custom clicks and the icons of programs the ad lacks', () => {
    const linear = mergeWrapperTracking(inline, [wrapper]).creatives.find((c) => c.type === 'linear');
    if (linear?.type !== 'linear') throw new Error('no linear');
    expect(linear.videoClicks.customClicks.map((c) => c.url)).toEqual(['https://w.example/custom']);
    expect(linear.icons.map((i) => [i.program, i.width])).toEqual([
      ['AdChoices', 10],
      ['Brand', 20],
    ]);
  });

  it('merges non-linear tracking events and click tracking', () => {
    const nonLinear = mergeWrapperTracking(inline, [wrapper]).creatives.find((c) => c.type === 'nonlinear');
    if (nonLinear?.type !== 'nonlinear') throw new Error('no nonlinear');
    expect(nonLinear.trackingEvents.map((t) => t.url)).toEqual(['https://in.example/nlview', 'https://w.example/nlview']);
    expect(nonLinear.nonLinears[0]?.clickTrackings.map((c) => c.url)).toEqual([
      'https://in.example/nlclick',
      'https://w.example/nlclick',
    ]);
  });

  it('merges companion tracking by slot and adds wrapper companions that bring a resource', () => {
    const companion = mergeWrapperTracking(inline, [wrapper]).creatives.find((c) => c.type === 'companion');
    if (companion?.type !== 'companion') throw new Error('no companion');
    expect(companion.companions.map((c) => c.adSlotId ?? `${c.width}x${c.height}`)).toEqual(['top', '160x600']);
    expect(companion.companions[0]?.trackingEvents.map((t) => t.url)).toEqual(['https://w.example/cview']);
    expect(companion.companions[0]?.clickTrackings.map((c) => c.url)).toEqual(['https://w.example/cclick']);
  });

  it('gives wrapper companions with a resource a creative of their own when the ad has none', () => {
    const bare = firstAd(INLINE.replace(/<Creative><CompanionAds>[\s\S]*?<\/CompanionAds><\/Creative>/u, '')) as InlineAd;
    const merged = mergeWrapperTracking(bare, [wrapper]);
    const companion = merged.creatives.find((c) => c.type === 'companion');
    if (companion?.type !== 'companion') throw new Error('no companion');
    expect(companion.companions.map((c) => c.width)).toEqual([160]);
  });

  it('leaves creatives alone when the wrappers have no creative of their kind', () => {
    const plain = firstAd(WRAPPER.replace(/<Creatives>[\s\S]*<\/Creatives>/u, '')) as WrapperAd;
    const merged = mergeWrapperTracking(inline, [plain]);
    expect(merged.creatives).toEqual(inline.creatives);
    const unviewed = firstAd(INLINE.replace(/<ViewableImpression>[\s\S]*?<\/ViewableImpression>/u, '')) as InlineAd;
    const noViewability = firstAd(WRAPPER.replace(/<ViewableImpression>[\s\S]*?<\/ViewableImpression>/u, '')) as WrapperAd;
    expect(mergeWrapperTracking(unviewed, [noViewability]).viewableImpression).toBeUndefined();
  });

  describe('through several wrappers', () => {
    const level = (name: string, extra = '') =>
      firstAd(`<VAST version="4.2"><Ad id="${name}"><Wrapper>
  <AdSystem>s</AdSystem><VASTAdTagURI>https://next.example/${name}</VASTAdTagURI>
  <Impression>https://${name}.example/imp</Impression><Error>https://${name}.example/err</Error>
  <Creatives><Creative><Linear>
    <TrackingEvents><Tracking event="start">https://${name}.example/start</Tracking></TrackingEvents>
    <VideoClicks><ClickTracking>https://${name}.example/click</ClickTracking></VideoClicks>
    <Icons><Icon program="Brand" width="${name.length}" height="5"><StaticResource creativeType="image/png">https://${name}.example/brand.png</StaticResource></Icon></Icons>
  </Linear></Creative>${extra}</Creatives>
</Wrapper></Ad></VAST>`) as WrapperAd;
    const outer = level('outer');
    const inner = level(
      'inner2',
      `<Creative><NonLinearAds><TrackingEvents><Tracking event="creativeView">https://inner2.example/nlview</Tracking></TrackingEvents></NonLinearAds></Creative>`,
    );
    const host = (url: string) => new URL(url).hostname.split('.')[0];

    it('lists the ad’s own entries, then the innermost wrapper’s, then the outermost’s', () => {
      const merged = mergeWrapperTracking(inline, [outer, inner]);
      expect(merged.impressions.map((i) => host(i.url))).toEqual(['in', 'inner2', 'outer']);
      expect(merged.errors.map(host)).toEqual(['inner2', 'outer']);
      const linear = merged.creatives.find((c) => c.type === 'linear');
      if (linear?.type !== 'linear') throw new Error('no linear');
      expect(linear.trackingEvents.map((t) => host(t.url))).toEqual(['inner2', 'outer']);
      expect(linear.videoClicks.clickTrackings.map((c) => host(c.url))).toEqual(['inner2', 'outer']);
    });

    it('keeps one icon per program: the ad’s, then the innermost wrapper’s', () => {
      const merged = mergeWrapperTracking(inline, [outer, inner]);
      const linear = merged.creatives.find((c) => c.type === 'linear');
      if (linear?.type !== 'linear') throw new Error('no linear');
      expect(linear.icons.map((i) => [i.program, i.width])).toEqual([
        ['AdChoices', 10],
        ['Brand', 'inner2'.length],
      ]);
    });

    it('adds a wrapper’s non-linear tracking events when it has no click tracking', () => {
      const nonLinear = mergeWrapperTracking(inline, [outer, inner]).creatives.find((c) => c.type === 'nonlinear');
      if (nonLinear?.type !== 'nonlinear') throw new Error('no nonlinear');
      expect(nonLinear.trackingEvents.map((t) => host(t.url))).toEqual(['in', 'inner2']);
      expect(nonLinear.nonLinears[0]?.clickTrackings.map((c) => host(c.url))).toEqual(['in']);
    });

    it('does not modify the ad or the wrappers', () => {
      const before = JSON.stringify([inline, outer, inner]);
      mergeWrapperTracking(inline, [outer, inner]);
      expect(JSON.stringify([inline, outer, inner])).toBe(before);
    });
  });

  it('takes the viewability URLs of a wrapper when the ad has none', () => {
    const unviewed = firstAd(INLINE.replace(/<ViewableImpression>[\s\S]*?<\/ViewableImpression>/u, '')) as InlineAd;
    expect(mergeWrapperTracking(unviewed, [wrapper]).viewableImpression?.notViewable).toEqual([
      'https://w.example/notviewable',
    ]);
  });
});
