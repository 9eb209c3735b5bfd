/**
 * Separates an element's name from its mark in the compacted document (never valid in XML):
 * `Name` + MARK + `k` (see `CheckedXml` in check-well-formed.ts).
 * @internal
 */
export const MARK = '\u0001';
