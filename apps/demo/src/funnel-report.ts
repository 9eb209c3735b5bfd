import { FUNNEL_STEPS, type FunnelForecast } from '@vast/player-headless';

/** What the report says about the run besides the forecast. */
export interface FunnelReportContext {
  /** The ad simulated (URL or file). */
  readonly source: string;
  /** The provider profile. */
  readonly provider: string;
  /** The publisher id, if any. */
  readonly publisher?: string | undefined;
}

const escapeHtml = (text: string): string =>
  text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');

const percent = (part: number, whole: number): string => (whole === 0 ? '0.0%' : `${((part * 100) / whole).toFixed(1)}%`);

/** The chart's geometry, in SVG units. */
const CHART = { width: 720, height: 320, top: 30, bottom: 40, barWidth: 80, gap: 30, left: 40 } as const;

/**
 * The funnel as an inline SVG bar chart: one `rect.bar` per funnel step (`data-step`,
 * `data-count`), its height in proportion to the sessions that reached the step, the count above
 * and the step's name below.
 */
function funnelChart(forecast: FunnelForecast): string {
  const plot = CHART.height - CHART.top - CHART.bottom;
  const bars = FUNNEL_STEPS.map((step, index) => {
    const count = forecast.funnel[step];
    const height = forecast.sessions === 0 ? 0 : (count / forecast.sessions) * plot;
    const x = CHART.left + index * (CHART.barWidth + CHART.gap);
    const y = CHART.top + plot - height;
    const middle = x + CHART.barWidth / 2;
    return [
      `<rect class="bar" data-step="${step}" data-count="${count}" x="${x}" y="${y.toFixed(2)}" width="${CHART.barWidth}" height="${height.toFixed(2)}"><title>${step}: ${count}</title></rect>`,
      `<text class="value" x="${middle}" y="${(y - 6).toFixed(2)}">${percent(count, forecast.sessions)}</text>`,
      `<text class="label" x="${middle}" y="${CHART.height - CHART.bottom + 18}">${step}</text>`,
    ].join('');
  });
  return (
    `<svg id="funnel-chart" role="img" aria-label="Completion funnel" viewBox="0 0 ${CHART.width} ${CHART.height}" width="${CHART.width}" height="${CHART.height}" xmlns="http://www.w3.org/2000/svg">` +
    `<line class="axis" x1="${CHART.left - 10}" y1="${CHART.height - CHART.bottom}" x2="${CHART.width - 10}" y2="${CHART.height - CHART.bottom}"/>` +
    `${bars.join('')}</svg>`
  );
}

/** A two-column table of counts, or a sentence when there are none. */
function countTable(caption: string, counts: Readonly<Record<string, number>>, sessions: number): string {
  const rows = Object.entries(counts).filter(([, count]) => count > 0);
  if (rows.length === 0) return `<p>${escapeHtml(caption)}: none.</p>`;
  const body = rows.map(([key, count]) => `<tr><td>${escapeHtml(key)}</td><td>${count}</td><td>${percent(count, sessions)}</td></tr>`).join('');
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr><th>type</th><th>count</th><th>per session</th></tr></thead><tbody>${body}</tbody></table>`;
}

/**
 * One self-contained HTML page for a funnel forecast: inline CSS, an inline SVG bar chart with one
 * bar per funnel step, and the numbers in tables (the funnel, the end statuses, the interruptions
 * by type, the errors). It loads nothing: no script, no font, no CDN.
 *
 * @param forecast - what `forecastFunnel` returned
 * @param context - the ad, the provider and the publisher, for the heading
 * @returns the HTML text
 */
export function funnelReportHtml(forecast: FunnelForecast, context: FunnelReportContext): string {
  const funnelRows = FUNNEL_STEPS.map((step) => {
    const count = forecast.funnel[step];
    return `<tr><td>${step}</td><td>${count}</td><td>${percent(count, forecast.sessions)}</td><td>${percent(count, forecast.funnel.impression)}</td></tr>`;
  }).join('');
  const publisher = context.publisher === undefined ? '' : `, publisher <b>${escapeHtml(context.publisher)}</b>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Completion funnel: ${escapeHtml(context.source)}</title>
<style>
body { font: 15px/1.4 system-ui, sans-serif; margin: 2rem auto; max-width: 760px; color: #1d2430; }
h1 { font-size: 1.4rem; }
.bar { fill: #3b6fd8; }
.value, .label { font-size: 12px; text-anchor: middle; fill: #1d2430; }
.axis { stroke: #8a93a3; }
table { border-collapse: collapse; margin: 1rem 0; min-width: 60%; }
caption { text-align: left; font-weight: 600; padding-bottom: .3rem; }
th, td { border-bottom: 1px solid #d8dde6; padding: .25rem .8rem; text-align: right; }
th:first-child, td:first-child { text-align: left; }
</style>
</head>
<body>
<h1>Completion funnel</h1>
<p>Ad <code>${escapeHtml(context.source)}</code>, provider <b>${escapeHtml(context.provider)}</b>${publisher}: ${forecast.sessions} simulated sessions, seed ${forecast.seed}.</p>
${funnelChart(forecast)}
<table id="funnel-table"><caption>Funnel</caption><thead><tr><th>step</th><th>sessions</th><th>of sessions</th><th>of impressions</th></tr></thead><tbody>${funnelRows}</tbody></table>
${countTable('End statuses', forecast.statuses, forecast.sessions)}
${countTable('Interruptions by type', forecast.interruptions, forecast.sessions)}
${countTable('Errors by IAB code', forecast.errors, forecast.sessions)}
</body>
</html>
`;
}
