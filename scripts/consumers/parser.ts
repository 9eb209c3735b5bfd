// A consumer of @vast/parser alone: one inline ad parsed into the typed model.
import { parseVast } from '@vast/parser';

const xml = `<VAST version="4.2"><Ad id="1"><InLine>
  <AdSystem>Example</AdSystem><AdTitle>Spot</AdTitle>
  <Impression>https://example.com/imp</Impression>
  <Creatives><Creative><Linear><Duration>00:00:15</Duration>
    <MediaFiles><MediaFile delivery="progressive" type="video/mp4" width="1280" height="720">https://example.com/a.mp4</MediaFile></MediaFiles>
  </Linear></Creative></Creatives>
</InLine></Ad></VAST>`;

const ad = parseVast(xml).ads[0];
const linear = ad?.type === 'inline' ? ad.creatives.find((c) => c.type === 'linear') : undefined;
if (linear?.type !== 'linear' || linear.duration !== 15) throw new Error('expected a 15 s linear creative');
console.log('linear duration:', linear.duration);
