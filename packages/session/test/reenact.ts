// A test oracle independent of the decoder: drives a fresh session with the commands a decoded log
// implies. A log some session could have written comes out byte for byte the same.
import { SimulatedTimeProvider } from '@vast/time';
import { PlaybackSession, type PlaybackEvent } from '../src/index.js';

const MARKS = new Set(['firstQuartile', 'midpoint', 'thirdQuartile', 'progress']);
const MOVES = new Set(['start', 'pause', 'resume', 'complete', 'skip', 'close', 'stop', 'interruption', 'error']);

/** Drives a new session through the commands that `decoded`'s log implies, and returns it. */
export function reenact(decoded: PlaybackSession): PlaybackSession {
  const time = new SimulatedTimeProvider({ mode: 'manual', startTime: decoded.createdAt });
  const session = new PlaybackSession({
    id: decoded.id,
    adId: decoded.adId,
    creativeId: decoded.creativeId,
    provider: decoded.provider,
    mode: decoded.mode,
    config: decoded.config,
    duration: decoded.duration,
    progressOffsets: decoded.progressOffsets,
    time,
  });
  const to = (clock: number) => time.tick(clock - time.now());
  const events: readonly PlaybackEvent[] = decoded.events;
  let loadPending = decoded.loadedAt !== null;
  const load = () => {
    to(decoded.loadedAt as number);
    session.load();
    loadPending = false;
  };
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as PlaybackEvent;
    if (loadPending && ((decoded.loadedAt as number) <= event.clockTime || MOVES.has(event.type))) load();
    to(event.clockTime);
    if (MARKS.has(event.type)) {
      const logged = session.updatePosition(event.mediaTime).length;
      i += Math.max(logged, 1) - 1;
      continue;
    }
    if (event.mediaTime !== session.position) session.updatePosition(event.mediaTime);
    switch (event.type) {
      case 'interruption':
        session.interrupt({ type: event.interruptionType, reason: event.reason });
        break;
      case 'error':
        session.fail(event.message === null ? { code: event.code } : { code: event.code, message: event.message });
        break;
      default:
        session[event.type as Exclude<PlaybackEvent['type'], 'progress' | 'firstQuartile' | 'midpoint' | 'thirdQuartile' | 'interruption' | 'error'>]();
    }
  }
  if (loadPending) load();
  if (session.position !== decoded.position) session.updatePosition(decoded.position);
  return session;
}
