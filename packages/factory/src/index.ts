/**
 * @packageDocumentation
 * PlayerFactory: picks the realtime or headless player from config or environment.
 */
export {};
