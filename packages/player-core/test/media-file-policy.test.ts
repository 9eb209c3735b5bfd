import type { MediaFile } from '@vast/parser';
import { describe, expect, it } from 'vitest';
import { CtvMediaFilePolicy, creativeIdOf } from '../src/index.js';

/** A media file: the defaults, with `overrides` (an `undefined` removes the attribute). */
function file(overrides: { readonly [K in keyof MediaFile]?: MediaFile[K] | undefined }): MediaFile {
  const merged: Record<string, unknown> = { url: 'https://cdn.example/a.mp4', type: 'video/mp4', delivery: 'progressive', width: 1280, height: 720, bitrate: 2000, ...overrides };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  return merged as unknown as MediaFile;
}

describe('CtvMediaFilePolicy', () => {
  const policy = new CtvMediaFilePolicy();

  it('prefers MP4 to HLS, then the largest picture within 1080p, then the highest bitrate, then document order', () => {
    const hls = file({ url: 'hls', type: 'application/x-mpegURL', delivery: 'streaming', width: 1920, height: 1080 });
    const sd = file({ url: 'sd', width: 640, height: 360 });
    const hd = file({ url: 'hd', width: 1920, height: 1080, bitrate: 4000 });
    const hdLow = file({ url: 'hd-low', width: 1920, height: 1080, bitrate: 2500 });
    const uhd = file({ url: 'uhd', width: 3840, height: 2160 });
    expect(policy.select([hls, sd, hdLow, hd, uhd])?.url).toBe('hd');
    expect(policy.select([hls, uhd])?.url).toBe('hls');
    expect(policy.select([file({ url: 'first' }), file({ url: 'second' })])?.url).toBe('first');
    // A file without a size plays, below every sized one.
    expect(policy.select([file({ url: 'unsized', width: undefined, height: undefined }), sd])?.url).toBe('sd');
  });

  it('never picks VPAID or executable files, whatever the types allow', () => {
    const vpaid = file({ url: 'vpaid', apiFramework: 'VPAID' });
    const js = file({ url: 'js', type: 'application/javascript' });
    const flash = file({ url: 'swf', type: 'application/x-shockwave-flash' });
    expect(new CtvMediaFilePolicy({ types: ['application/javascript', 'video/mp4'] }).select([vpaid, js, flash])).toBeUndefined();
  });

  it('reads types without case or parameters, honours deliveries and the bitrate limit, refuses an empty URL', () => {
    expect(policy.select([file({ type: 'Video/MP4; codecs="avc1"' })])).toBeDefined();
    expect(new CtvMediaFilePolicy({ deliveries: ['streaming'] }).select([file({})])).toBeUndefined();
    expect(policy.select([file({ delivery: undefined })])).toBeDefined();
    const capped = new CtvMediaFilePolicy({ maxBitrateKbps: 3000 });
    expect(capped.select([file({ url: 'fast', bitrate: 5000 }), file({ url: 'ok', bitrate: 2500 })])?.url).toBe('ok');
    expect(capped.select([file({ bitrate: undefined, minBitrate: 4000 })])).toBeUndefined();
    expect(policy.select([file({ url: '' })])).toBeUndefined();
    expect(policy.select([])).toBeUndefined();
  });

  it('can be narrowed: a 720p device with its own type list', () => {
    const small = new CtvMediaFilePolicy({ maxWidth: 1280, maxHeight: 720, types: ['video/webm', 'video/mp4'] });
    const chosen = small.select([file({ url: 'mp4-1080', width: 1920, height: 1080 }), file({ url: 'mp4-720' }), file({ url: 'webm-720', type: 'video/webm' })]);
    expect(chosen?.url).toBe('webm-720');
    expect(small.maxWidth).toBe(1280);
  });

  it('can be extended: a subclass overrides one rule', () => {
    class StreamingFirst extends CtvMediaFilePolicy {
      override compare(a: MediaFile, b: MediaFile): number {
        return Number(b.delivery === 'streaming') - Number(a.delivery === 'streaming') || super.compare(a, b);
      }
    }
    const hls = file({ url: 'hls', type: 'application/vnd.apple.mpegurl', delivery: 'streaming' });
    expect(new StreamingFirst().select([file({ url: 'mp4' }), hls])?.url).toBe('hls');
  });
});

describe('creativeIdOf', () => {
  it('takes the creative id, then adId, then a universal ad id that is not "unknown"', () => {
    expect(creativeIdOf({ id: 'c-1', adId: 'a-1', universalAdIds: [] })).toBe('c-1');
    expect(creativeIdOf({ adId: 'a-1', universalAdIds: [{ idRegistry: 'ad-id.org', value: 'U-1' }] })).toBe('a-1');
    expect(creativeIdOf({ id: '', universalAdIds: [{ idRegistry: 'x', value: 'unknown' }, { idRegistry: 'ad-id.org', value: 'U-2' }] })).toBe('U-2');
    expect(creativeIdOf({ universalAdIds: [{ idRegistry: 'x', value: 'UNKNOWN' }] })).toBeNull();
  });
});
