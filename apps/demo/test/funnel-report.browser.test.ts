import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNNEL_STEPS } from '@vast/player-headless';
import { runCli } from '../src/run-cli.js';
import { captureIo } from './capture-io.js';
import { exampleInline, tempDir, type TempDir } from './helpers.js';

// The HTML report is something people look at: open it in a real headless Chromium (Debian's
// `chromium` package; `.ci/run` installs it). Without the browser the test says so and is skipped
// on a developer's machine; under CI it fails instead.
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const hasBrowser = existsSync(CHROMIUM);
const underCi = process.env['CI'] !== undefined && process.env['CI'] !== '' && process.env['CI'] !== 'false';

if (!hasBrowser && !underCi) {
  console.warn(`funnel report browser test SKIPPED: no Chromium at ${CHROMIUM} (install Debian's chromium package, or set CHROMIUM_PATH)`);
}

describe.skipIf(!hasBrowser && !underCi)('the funnel report in headless Chromium', () => {
  let browser: Browser;
  let dir: TempDir;

  beforeAll(async () => {
    if (!hasBrowser) throw new Error(`CI needs Chromium at ${CHROMIUM} for the funnel report test (.ci/run installs Debian's chromium)`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    dir = await tempDir();
  });

  afterAll(async () => {
    await browser?.close();
    await dir?.remove();
  });

  it('draws one bar per funnel step, heights not increasing, labels present, and logs no errors', async () => {
    const ad = await dir.write('ad.xml', exampleInline({ durationSeconds: 30 }));
    const report = `${dir.path}/funnel.html`;
    const io = captureIo();
    expect(await runCli(['simulate', ad, '--sessions', '3000', '--seed', '9', '--provider', 'tiger', '--report', report, '--json'], io)).toBe(0);
    const forecast = JSON.parse(io.stdout()) as { funnel: Record<string, number> };

    const page = await browser.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(report).href);

    const rects = page.locator('#funnel-chart rect.bar');
    const bars: { step: string | null; count: number; width: number; height: number }[] = [];
    for (let i = 0; i < (await rects.count()); i++) {
      const rect = rects.nth(i);
      const box = await rect.boundingBox();
      bars.push({ step: await rect.getAttribute('data-step'), count: Number(await rect.getAttribute('data-count')), width: box?.width ?? 0, height: box?.height ?? 0 });
    }
    expect(bars.map((bar) => bar.step)).toEqual([...FUNNEL_STEPS]);
    expect(bars.map((bar) => bar.count)).toEqual(FUNNEL_STEPS.map((step) => forecast.funnel[step]));
    // Drawn: every bar has a size on screen (the first reaches 100% of sessions).
    expect(bars.every((bar) => bar.width > 0)).toBe(true);
    expect(bars[0]?.height).toBeGreaterThan(100);
    for (let i = 1; i < bars.length; i++) expect(bars[i]?.height).toBeLessThanOrEqual(bars[i - 1]?.height ?? 0);
    // The funnel falls somewhere: tiger's interruption model stops some sessions.
    expect(bars.at(-1)?.height).toBeLessThan(bars[0]?.height ?? 0);

    expect(await page.locator('#funnel-chart text.label').allTextContents()).toEqual([...FUNNEL_STEPS]);
    const rows = page.locator('#funnel-table tbody tr');
    const table: string[][] = [];
    for (let i = 0; i < (await rows.count()); i++) table.push((await rows.nth(i).locator('td').allTextContents()).slice(0, 2));
    expect(table).toEqual(FUNNEL_STEPS.map((step) => [step, String(forecast.funnel[step])]));

    expect(problems).toEqual([]);
    // Self-contained: the page itself is the only request.
    expect(requests).toEqual([pathToFileURL(report).href]);
    await page.close();
  });
});
