import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { IAB_MACROS, getMacroDefinition, isIabMacro } from '../src/index.js';

describe('IAB_MACROS', () => {
  it('lists 59 distinct upper-case names', () => {
    const names = IAB_MACROS.map((m) => m.name);
    expect(names).toHaveLength(59);
    expect(new Set(names).size).toBe(59);
    for (const name of names) expect(name).toMatch(/^[A-Z][A-Z0-9]*$/);
  });

  it('knows the generated macros with their types and formats', () => {
    expect(getMacroDefinition('TIMESTAMP')).toMatchObject({ dataType: 'string', support: 'required', since: '4.0' });
    expect(getMacroDefinition('CACHEBUSTING')).toMatchObject({ dataType: 'integer', support: 'required' });
    expect(getMacroDefinition('ERRORCODE')).toMatchObject({ contexts: ['error'], support: 'required' });
    expect(getMacroDefinition('CONTENTPLAYHEAD')?.support).toBe('deprecated');
    expect(getMacroDefinition('UNIVERSALADID')?.dataType).toBe('Array<string>');
    expect(getMacroDefinition('LATLONG')?.dataType).toBe('Array<float>(2)');
    expect(getMacroDefinition('CLICKPOS')?.contexts).toEqual(['click']);
    expect(getMacroDefinition('PAGEURL')?.support).toBe('conditional');
    expect(getMacroDefinition('DSAPUBRENDER')?.since).toBe('next');
    const timecodes = IAB_MACROS.filter((m) => m.format === '{HH:MM:SS.mmm}').map((m) => m.name);
    expect(timecodes.sort()).toEqual(['ADPLAYHEAD', 'CONTENTPLAYHEAD', 'MEDIAPLAYHEAD']);
  });

  it('answers membership by exact name only', () => {
    expect(isIabMacro('ADSERVINGID')).toBe(true);
    expect(isIabMacro('adservingid')).toBe(false);
    expect(isIabMacro('CACHEBUSTER')).toBe(false);
    expect(getMacroDefinition('NOPE')).toBeUndefined();
  });

  it('is frozen', () => {
    expect(Object.isFrozen(IAB_MACROS)).toBe(true);
  });
});

// Conformance: the project's table against the IAB registry JSON, when the corpus is present.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const corpus = resolve(root, process.env.VAST_CORPUS_DIR ?? '../shared/fixtures');
const registryFile = resolve(corpus, 'iab/macros/macros-data.json');
// Skipped only when no corpus was asked for and none is beside the clone: with VAST_CORPUS_DIR set
// or the folder present, a missing or unreadable registry fails instead of skipping.
const present = process.env.VAST_CORPUS_DIR !== undefined || existsSync(corpus);
if (!present) console.log(`[conformance] no corpus at ${corpus}: IAB macro registry comparison skipped`);

interface RegistryEntry {
  readonly name: string;
  readonly datatype: string;
  readonly introversion: string;
  readonly support: string;
  readonly contexts: string;
  readonly format?: string;
}

describe.skipIf(!present)('IAB_MACROS against the IAB registry JSON (conformance)', () => {
  const registry = existsSync(registryFile)
    ? (JSON.parse(readFileSync(registryFile, 'utf8')) as { macros: RegistryEntry[] }).macros
    : [];

  it('finds the registry', () => {
    expect(registry.length, registryFile).toBeGreaterThan(50);
  });

  it('has exactly the registry names, in the registry order', () => {
    expect(IAB_MACROS.map((m) => m.name)).toEqual(registry.map((m) => m.name));
  });

  it('has the registry data type, version and format of every macro', () => {
    for (const entry of registry) {
      const mine = getMacroDefinition(entry.name);
      expect(mine?.dataType, entry.name).toBe(entry.datatype);
      expect(mine?.since, entry.name).toBe(entry.introversion === 'Next VAST release' ? 'next' : entry.introversion);
      expect(mine?.format, entry.name).toBe(entry.format);
    }
  });

  it('agrees on support level and on where each macro may appear', () => {
    for (const entry of registry) {
      const mine = getMacroDefinition(entry.name);
      if (/Deprecated/.test(entry.support)) expect(mine?.support, entry.name).toBe('deprecated');
      else if (/^Required (if|\()/.test(entry.support)) expect(mine?.support, entry.name).toBe('conditional');
      else expect(mine?.support, entry.name).toBe(entry.support.toLowerCase());
      expect(mine?.contexts.includes('tracking'), entry.name).toBe(entry.contexts.includes('All tracking pixels'));
      expect(mine?.contexts.includes('request'), entry.name).toBe(entry.contexts.includes('VAST request URIs'));
    }
  });
});
