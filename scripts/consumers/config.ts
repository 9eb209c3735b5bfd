// A consumer of @vast/config alone: a profile resolved with request overrides.
import { ConfigResolver } from '@vast/config';

const config = new ConfigResolver().resolve('tiger', undefined, { playback: { seed: 7 } });
if (config.playback.seed !== 7) throw new Error(`expected seed 7, got ${String(config.playback.seed)}`);
console.log('tiger macro syntaxes:', config.tracker.macroSyntaxes.join(', '));
