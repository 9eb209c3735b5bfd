/**
 * @packageDocumentation
 * A mock ad server on loopback for tests: serves VAST, records beacons, injects faults.
 */
export { startMockAdServer } from './start-mock-ad-server.js';
export { MockAdServerError, isMockAdServerError } from './mock-ad-server-error.js';
export type { MockAdServerErrorCode } from './mock-ad-server-error.js';
export type { MockAdServer, MockAdServerOptions, WaitForOptions } from './start-mock-ad-server.js';
export type { MockFault, MockResponse, MockRoute } from './mock-response.js';
export type { RecordedRequest } from './recorded-request.js';
export { TRACKED_EVENTS, inlineVast, wrapperVast } from './vast-documents.js';
export type { InlineVastOptions, MediaFileSpec, WrapperVastOptions } from './vast-documents.js';
export { RedisServerStartError, isRedisServerAvailable, isRedisServerStartError, runsRedisTests, startRedisServer } from './start-redis-server.js';
export type { RedisServer, RedisServerOptions } from './start-redis-server.js';
