import { FUNNEL_STEPS, type FunnelForecast } from '@vast/player-headless';
import { formatTable } from './format-table.js';

const percent = (part: number, whole: number): string => (whole === 0 ? '0.0%' : `${((part * 100) / whole).toFixed(1)}%`);

/**
 * A forecast as text: the funnel (sessions per step, share of all sessions), the end statuses, the
 * interruptions by type and the errors by IAB code.
 *
 * @param forecast - what `forecastFunnel` returned
 * @returns the lines
 */
export function formatForecast(forecast: FunnelForecast): string[] {
  const counts = (title: string, record: Readonly<Record<string, number>>): string[] => {
    const rows = Object.entries(record).filter(([, n]) => n > 0);
    if (rows.length === 0) return [`${title}: none`];
    return [`${title}:`, ...formatTable(rows.map(([key, n]) => [key, String(n), percent(n, forecast.sessions)]))];
  };
  return [
    `Funnel of ${forecast.sessions} sessions (seed ${forecast.seed}):`,
    ...formatTable([
      ['step', 'sessions', 'share'],
      ...FUNNEL_STEPS.map((step) => [step, String(forecast.funnel[step]), percent(forecast.funnel[step], forecast.sessions)]),
    ]),
    '',
    ...counts('End statuses', forecast.statuses),
    '',
    ...counts('Interruptions by type', forecast.interruptions),
    '',
    ...counts('Errors by IAB code', forecast.errors),
  ];
}
