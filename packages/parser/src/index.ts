/**
 * @packageDocumentation
 * VAST 2.0 to 4.3 XML parser into a typed, immutable model with IAB error codes.
 */
export {};
