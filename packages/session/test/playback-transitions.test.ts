import { describe, expect, it } from 'vitest';
import {
  IllegalTransitionError,
  PLAYBACK_COMMAND_RULES,
  PLAYBACK_STATUSES,
  PLAYBACK_TRANSITIONS,
  PlaybackStatus,
  SessionError,
  TERMINAL_STATUSES,
  canTransition,
  isPlaybackStatus,
  isTerminalStatus,
  nextStatus,
  type PlaybackCommand,
} from '../src/index.js';

// The state machine written out by hand: status -> command -> next status. Anything not listed is
// illegal. The implementation's table must match this one exactly.
const stay = 'stay';
const live = {
  impression: stay,
  creativeView: stay,
  mute: stay,
  unmute: stay,
  stop: 'stopped',
  close: 'stopped',
  interruption: 'interrupted',
  error: 'failed',
} as const;
const EXPECTED: Record<PlaybackStatus, Partial<Record<PlaybackCommand, PlaybackStatus | typeof stay>>> = {
  created: { ...live, load: 'loading', start: 'playing' },
  loading: { ...live, start: 'playing' },
  playing: {
    ...live,
    firstQuartile: stay,
    midpoint: stay,
    thirdQuartile: stay,
    progress: stay,
    pause: 'paused',
    complete: 'completed',
    skip: 'stopped',
  },
  paused: { ...live, resume: 'playing', skip: 'stopped' },
  completed: {},
  stopped: {},
  interrupted: {},
  failed: {},
};
const COMMANDS = Object.keys(PLAYBACK_COMMAND_RULES) as PlaybackCommand[];

describe('PlaybackStatus', () => {
  it('has the eight statuses, four of them terminal', () => {
    expect(PLAYBACK_STATUSES).toEqual(['created', 'loading', 'playing', 'paused', 'interrupted', 'completed', 'stopped', 'failed']);
    expect(PlaybackStatus.Playing).toBe('playing');
    expect([...TERMINAL_STATUSES].sort()).toEqual(['completed', 'failed', 'interrupted', 'stopped']);
    expect(PLAYBACK_STATUSES.filter(isTerminalStatus)).toEqual(['interrupted', 'completed', 'stopped', 'failed']);
    expect(isPlaybackStatus('paused')).toBe(true);
    expect(isPlaybackStatus('buffering')).toBe(false);
    expect(isPlaybackStatus(3)).toBe(false);
  });
});

describe('the transition table', () => {
  it('covers every command', () => {
    expect([...COMMANDS].sort()).toEqual(
      [
        'load', 'impression', 'creativeView', 'start', 'firstQuartile', 'midpoint', 'thirdQuartile', 'complete',
        'progress', 'pause', 'resume', 'mute', 'unmute', 'skip', 'stop', 'interruption', 'error', 'close',
      ].sort(),
    );
  });

  for (const from of PLAYBACK_STATUSES) {
    for (const command of COMMANDS) {
      const expected = EXPECTED[from][command];
      if (expected === undefined) {
        it(`refuses ${command} in ${from}, naming both statuses`, () => {
          let error: unknown;
          try {
            nextStatus(from, command);
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(IllegalTransitionError);
          expect(error).toBeInstanceOf(SessionError);
          const typed = error as IllegalTransitionError;
          const to = PLAYBACK_COMMAND_RULES[command].to ?? from;
          expect(typed).toMatchObject({ code: 'ILLEGAL_TRANSITION', from, to, command, name: 'IllegalTransitionError' });
          expect(typed.message).toContain(`"${from}"`);
          expect(typed.message).toContain(`"${to}"`);
          if (isTerminalStatus(from)) expect(typed.message).toContain('is terminal');
        });
      } else {
        const to = expected === stay ? from : expected;
        it(`allows ${command} in ${from} -> ${to}`, () => {
          expect(nextStatus(from, command)).toBe(to);
        });
      }
    }
  }

  it('lists for each status exactly the statuses its commands lead to', () => {
    for (const from of PLAYBACK_STATUSES) {
      const targets = new Set(
        Object.values(EXPECTED[from]).filter((to): to is PlaybackStatus => to !== stay),
      );
      expect(new Set(PLAYBACK_TRANSITIONS[from])).toEqual(targets);
      for (const to of PLAYBACK_STATUSES) expect(canTransition(from, to)).toBe(targets.has(to));
    }
  });

  it('lets terminal statuses go nowhere', () => {
    for (const status of TERMINAL_STATUSES) expect(PLAYBACK_TRANSITIONS[status]).toEqual([]);
  });
});
