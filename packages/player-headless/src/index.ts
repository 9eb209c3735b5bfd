/**
 * @packageDocumentation
 * HeadlessPlayer: simulated playback with a seeded interruption model, and funnel forecasting.
 */
export { HeadlessPlayer } from './headless-player.js';
export type { HeadlessPlayerOptions } from './headless-player.js';
export { planInterruptions } from './interruption-plan.js';
export type { PlannedInterruption, UnitRandom } from './interruption-plan.js';
export { forecastFunnel, FUNNEL_STEPS } from './forecast-funnel.js';
export type { ForecastFunnelOptions, Funnel, FunnelForecast } from './forecast-funnel.js';
