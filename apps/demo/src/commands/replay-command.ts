import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PlaybackSession, replay } from '@vast/session';
import { RealtimeTimeProvider } from '@vast/time';
import { RecordingBeaconTransport, Tracker, macroValuesFromAd, trackingSetFromAds, type TrackerState } from '@vast/tracker';
import { CliError } from '../cli-error.js';
import { writeLines, type CliIo } from '../cli-io.js';
import { describeOutcome } from '../format-outcome.js';
import { formatTable } from '../format-table.js';
import { firstAd, openClient, readSource, resolveSource } from '../load-ad.js';
import { fireEventBeacons, replaySettings } from '../replay-beacons.js';

/** Options of `vast replay`. */
export interface ReplayCommandOptions {
  /** The ad the session played (URL or file): its tracking URLs are what the replay calls. */
  readonly ad: string;
  /** Send the beacons; without it they are recorded and listed. */
  readonly sendBeacons?: boolean;
  /** The state file. @defaultValue `<session.json>.fired.json` */
  readonly state?: string;
  /** Let the client and the beacons reach loopback and private addresses. */
  readonly allowPrivateNetwork?: boolean;
  /** Print the replay as JSON. */
  readonly json?: boolean;
}

/** What the state file keeps between replays of one session. */
interface ReplayState {
  /** The session it belongs to. */
  readonly sessionId: string;
  /** How many events of the log have had their beacons sent (the log only grows). */
  readonly delivered: number;
  /** The tracker's exactly-once keys and toggles after them. */
  readonly tracker: TrackerState;
}

/** Reads a state file; `undefined` when there is none yet. */
async function readState(path: string, sessionId: string): Promise<ReplayState | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  let state: ReplayState;
  try {
    state = JSON.parse(text) as ReplayState;
  } catch {
    throw new CliError(`${path}: not a replay state file (not JSON)`);
  }
  if (state.sessionId !== sessionId || !Number.isInteger(state.delivered) || !Array.isArray(state.tracker?.fired)) {
    throw new CliError(`${path}: not the replay state of session ${sessionId}`);
  }
  return state;
}

/** Restores the session from its JSON file. */
async function readSession(file: string, cwd: string | undefined): Promise<PlaybackSession> {
  const text = new TextDecoder().decode(await readSource(file, cwd));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file}: not JSON: ${(error as Error).message}`);
  }
  return PlaybackSession.fromJSON(json, { time: new RealtimeTimeProvider() });
}

/**
 * `replay <session.json> --ad <file|url>`: re-drives a recorded session's beacons. The log is
 * replayed through the session state machine (`replay` of `@vast/session`), and each event's
 * beacons go to a `Tracker` built from the ad's tracking URLs: recorded by default, sent with
 * `--send-beacons`.
 *
 * Nothing fires twice: a session that sent its beacons when it played (real mode, or headless with
 * `--send-beacons`) counts as delivered already; after a replay that sends, the state file keeps
 * how much of the log was delivered and the tracker's exactly-once keys, and the next replay
 * starts from there (only events appended since fire).
 *
 * @param sessionFile - the session JSON (from `play --json`)
 * @param options - see {@link ReplayCommandOptions}
 * @param io - where to write
 * @returns 0
 * @throws {@link CliError} for an unreadable file, bad JSON or state, or no ad; SessionError for a
 *   session JSON that does not validate
 */
export async function replayCommand(sessionFile: string, options: ReplayCommandOptions, io: CliIo): Promise<number> {
  const session = await readSession(sessionFile, io.cwd);
  const settings = replaySettings(session);
  const statePath = resolve(io.cwd ?? '.', options.state ?? `${sessionFile}.fired.json`);
  const saved = await readState(statePath, session.id);
  const delivered = saved?.delivered ?? (settings.alreadySent ? session.events.length : 0);
  const sendBeacons = options.sendBeacons === true;
  const client = openClient({ allowPrivateNetwork: options.allowPrivateNetwork === true });
  const transport = sendBeacons ? client.createBeaconTransport() : new RecordingBeaconTransport();
  try {
    const ad = firstAd(await resolveSource(client, options.ad, io.cwd), options.ad);
    const tracker = new Tracker({
      tracking: trackingSetFromAds(ad.inline, [...ad.wrappers].reverse()),
      transport,
      time: new RealtimeTimeProvider(),
      ...(settings.macros === undefined ? {} : { macros: settings.macros }),
      context: { values: macroValuesFromAd(ad.inline) },
      ...(saved === undefined ? {} : { state: saved.tracker }),
    });
    const replayed = await replay(session.events, {
      onEvent: (event, { index }) => {
        if (index >= delivered) fireEventBeacons(tracker, event, settings.track);
      },
    });
    const outcomes = await tracker.settled();
    if (sendBeacons) {
      const state: ReplayState = { sessionId: session.id, delivered: session.events.length, tracker: tracker.state() };
      await writeFile(statePath, `${JSON.stringify(state, null, 2)}\n`);
    }
    const skipped = Math.min(delivered, session.events.length);
    if (options.json === true) {
      const beacons = outcomes.map((o) => ({ event: o.beacon.event, level: o.beacon.level, url: o.beacon.url, outcome: o.kind }));
      writeLines(io.out, [JSON.stringify({ session: session.id, events: replayed.events, status: replayed.status, skipped, beacons }, null, 2)]);
      return 0;
    }
    writeLines(io.out, [
      `Session ${session.id}: ${replayed.events} events, ${replayed.status}; ${skipped} already delivered, ${session.events.length - skipped} replayed`,
      ...(outcomes.length === 0
        ? ['No beacon to fire: everything the session logged has fired already.']
        : [
            `Beacons (${sendBeacons ? 'sent' : 'RecordingBeaconTransport: recorded, not sent'}):`,
            ...formatTable(outcomes.map((o) => [o.beacon.event, `level ${o.beacon.level}`, describeOutcome(o), o.beacon.url])),
          ]),
      ...(sendBeacons ? [`State: ${statePath}`] : []),
    ]);
    return 0;
  } finally {
    await transport.close();
    await client.close();
  }
}
