import { describe, expect, it } from 'vitest';
import { UsageError, parseArgs } from '../src/parse-args.js';

const spec = { values: ['publisher'], flags: ['explain', 'help'] };

describe('parseArgs', () => {
  it('splits command, positionals, value options (both spellings) and flags in any order', () => {
    const args = parseArgs(['--explain', 'resolve-config', 'tiger', '--publisher', 'acme'], spec);
    expect(args.command).toBe('resolve-config');
    expect(args.positionals).toEqual(['tiger']);
    expect(args.values).toEqual({ publisher: 'acme' });
    expect([...args.flags]).toEqual(['explain']);
    expect(parseArgs(['x', '--publisher=a=b'], spec).values).toEqual({ publisher: 'a=b' });
  });

  it('reads -h as --help and everything after -- as positionals', () => {
    const args = parseArgs(['parse', '-h', '--', '--explain', '-h'], spec);
    expect(args.flags.has('help')).toBe(true);
    expect(args.flags.has('explain')).toBe(false);
    expect(args.positionals).toEqual(['--explain', '-h']);
  });

  it('gives no command for an empty command line', () => {
    expect(parseArgs([], spec)).toEqual({ command: undefined, positionals: [], values: {}, flags: new Set() });
  });

  it.each([
    [['--publisher'], 'option --publisher needs a value'],
    [['--publisher', '--explain'], 'option --publisher needs a value'],
    [['--explain=yes'], 'option --explain takes no value'],
    [['--verbose'], 'unknown option --verbose'],
  ])('refuses %j with a UsageError', (argv, message) => {
    expect(() => parseArgs(argv, spec)).toThrow(new UsageError(message));
  });
});
