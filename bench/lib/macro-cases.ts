// Macro expansion cases for the tracker bench: the fully warm case (clock still, same values) and
// the realistic ones beside it (clock moving on every call; many sessions with distinct values).
// Each session passes its own EncodedMacroValues, as a Tracker does for its session; one case
// shows the many sessions without them (a caller that passes none).
import { createSeededRandom, type TimeProvider } from '@vast/time';
import { EncodedMacroValues, MacroExpander, type MacroContext } from '@vast/tracker';

/** A realistic 10-macro beacon URL. */
export const MACRO_TEMPLATE =
  'https://t.example/v?ts=[TIMESTAMP]&cb=[CACHEBUSTING]&ph=[ADPLAYHEAD]&ip=[DEVICEIP]&ua=[DEVICEUA]' +
  '&ss=[SERVERSIDE]&pod=[PODSEQUENCE]&asid=[ADSERVINGID]&uaid=[UNIVERSALADID]&cua=[CLIENTUA]';

/** Distinct sessions the "many sessions" case cycles through (more than the expander's value cache holds). */
const MACRO_SESSIONS = 10_000;
/** Beacons each session of the "many sessions" case fires before a new session takes its place. */
const BEACONS_PER_SESSION = 10;
/** Distinct user agents among those sessions (devices of a few models). */
const USER_AGENTS = 200;

/** A clock that moves 1 ms every time it is read, as if each beacon fired a millisecond apart. */
function movingClock(start: number): TimeProvider {
  let now = start;
  return {
    kind: 'simulated',
    now: () => ++now,
    monotonic: () => now - start,
    sleep: () => Promise.resolve(),
  };
}

/** A clock that never moves. */
function stillClock(at: number): TimeProvider {
  return { kind: 'simulated', now: () => at, monotonic: () => 0, sleep: () => Promise.resolve() };
}

const START = Date.UTC(2026, 0, 1);

function sessionContext(index: number, playheadMs: number): MacroContext {
  return {
    values: {
      DEVICEIP: `203.0.${(index >> 8) & 255}.${index & 255}`,
      DEVICEUA: `Mozilla/5.0 (SMART-TV; Linux; Tizen 6.0) model/${index % USER_AGENTS} (KHTML, like Gecko)`,
      SERVERSIDE: 1,
      PODSEQUENCE: 1 + (index % 3),
      ADSERVINGID: `adsrv-${(0x6f1c2a9e + index * 7919).toString(16)}`,
      UNIVERSALADID: [`ad-id.org CNPA${String(484000 + index).padStart(7, '0')}H`],
    },
    adPlayheadMs: playheadMs,
  };
}

/** One measured case: its name and a function that expands one beacon URL per call. */
interface MacroCase {
  readonly name: string;
  /** Whether the target is judged on this case. */
  readonly judged: boolean;
  readonly run: () => string;
}

/**
 * The beacons of MACRO_SESSIONS live sessions, built beforehand, in turn: `next()` gives the next
 * session's beacon context, made for it as the tracker makes one per beacon (the session's values,
 * the beacon's playhead), and `encoded` is then that session's EncodedMacroValues. After
 * BEACONS_PER_SESSION rounds a new session (new values object, new EncodedMacroValues) takes each
 * one's place.
 */
class LiveSessions {
  readonly #values: MacroContext['values'][] = [];
  readonly #encoded: EncodedMacroValues[] = [];
  #call = 0;
  /** The EncodedMacroValues of the session of the last `next()`. */
  encoded = new EncodedMacroValues();

  constructor() {
    for (let i = 0; i < MACRO_SESSIONS; i++) {
      this.#values.push(sessionContext(i, 0).values);
      this.#encoded.push(new EncodedMacroValues());
    }
  }

  next(): MacroContext {
    const slot = this.#call % MACRO_SESSIONS;
    const round = (this.#call - slot) / MACRO_SESSIONS;
    this.#call++;
    if (round > 0 && round % BEACONS_PER_SESSION === 0) {
      this.#values[slot] = { ...this.#values[slot] };
      this.#encoded[slot] = new EncodedMacroValues();
    }
    this.encoded = this.#encoded[slot] as EncodedMacroValues;
    return { values: this.#values[slot], adPlayheadMs: (slot * 250 + (round % BEACONS_PER_SESSION) * 2_500) % 30_000 };
  }
}

/** The cases, each with its own expander (so one case's caches do not warm another's). */
function macroCases(): readonly MacroCase[] {
  const warmExpander = new MacroExpander({
    time: stillClock(START),
    random: createSeededRandom(1),
    staticMacros: { CLIENTUA: 'vast-middleware/1.0' },
  });
  const warmContext = sessionContext(0, 15_250);
  const warmEncoded = new EncodedMacroValues();

  const clockExpander = new MacroExpander({
    time: movingClock(START),
    random: createSeededRandom(2),
    staticMacros: { CLIENTUA: 'vast-middleware/1.0' },
  });
  // One session, its playhead moving with the clock.
  let playhead = 0;
  const oneSession = sessionContext(1, 0);
  const clockContext = (): MacroContext => ({ values: oneSession.values, adPlayheadMs: (playhead = (playhead + 1) % 30_000) });
  const clockEncoded = new EncodedMacroValues();

  const sessionsExpander = new MacroExpander({
    time: movingClock(START),
    random: createSeededRandom(3),
    staticMacros: { CLIENTUA: 'vast-middleware/1.0' },
  });
  const sessions = new LiveSessions();

  // The same many sessions through an expander of their own, passing no EncodedMacroValues.
  const bareExpander = new MacroExpander({
    time: movingClock(START),
    random: createSeededRandom(4),
    staticMacros: { CLIENTUA: 'vast-middleware/1.0' },
  });
  const bareSessions = new LiveSessions();

  const many = `${MACRO_SESSIONS.toLocaleString('en-US')} live sessions in turn (distinct IP, ids, playheads; ${USER_AGENTS} user agents), each replaced by a new one after ${BEACONS_PER_SESSION} beacons`;
  return [
    {
      name: 'warm: clock still, one session (same values every call)',
      judged: false,
      run: () => warmExpander.expand(MACRO_TEMPLATE, warmContext, warmEncoded),
    },
    {
      name: 'clock moving 1 ms per call, one session, playhead moving',
      judged: false,
      run: () => clockExpander.expand(MACRO_TEMPLATE, clockContext(), clockEncoded),
    },
    {
      name: `clock moving 1 ms per call, ${many}, without EncodedMacroValues`,
      judged: false,
      run: () => bareExpander.expand(MACRO_TEMPLATE, bareSessions.next()),
    },
    {
      name: `clock moving 1 ms per call, ${many}`,
      judged: true,
      run: () => {
        const context = sessions.next();
        return sessionsExpander.expand(MACRO_TEMPLATE, context, sessions.encoded);
      },
    },
  ];
}

/**
 * Runs `fn` for at least `ms` of wall time and returns calls per second of this process's CPU
 * time (user + system): other processes taking the cores stretch the wall time, not this.
 */
function callsPerCpuSecond(fn: () => void, ms: number): number {
  let calls = 0;
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  while (performance.now() - wallStart < ms) {
    for (let i = 0; i < 1000; i++) fn();
    calls += 1000;
  }
  const cpu = process.cpuUsage(cpuStart);
  return (calls * 1e6) / (cpu.user + cpu.system);
}

/** One case's result: expansions per CPU second (median of the rounds) and one expanded URL. */
interface MacroCaseResult {
  readonly name: string;
  readonly judged: boolean;
  readonly perSecond: number;
  readonly rounds: readonly number[];
  readonly sample: string;
}

/** Expansions per CPU second of each case: the median of `rounds` interleaved rounds of `ms` each. */
export function measureMacroCases(rounds: number, ms: number): MacroCaseResult[] {
  const cases = macroCases();
  let length = 0;
  const consume = (url: string): void => {
    length += url.length;
  };
  // Warm-up, so that every case runs optimized code when measured.
  for (const c of cases) callsPerCpuSecond(() => consume(c.run()), 3 * ms);
  const results = cases.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    for (const [i, c] of cases.entries()) results[i]?.push(callsPerCpuSecond(() => consume(c.run()), ms));
  }
  if (length === 0) throw new Error('nothing expanded');
  return cases.map((c, i) => {
    const measured = results[i] ?? [];
    const sorted = [...measured].sort((a, b) => a - b);
    return { name: c.name, judged: c.judged, perSecond: sorted[Math.floor(sorted.length / 2)] ?? 0, rounds: measured, sample: c.run() };
  });
}
