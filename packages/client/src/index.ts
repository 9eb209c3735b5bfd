/**
 * @packageDocumentation
 * VastClient: fetches and resolves VAST wrapper chains safely on a server.
 */
export {};
