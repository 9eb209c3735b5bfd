/**
 * Marks an error of this package with its `Symbol.for` brand, so that the guards recognise it
 * across two installed copies of the package (where `instanceof` would say no).
 *
 * @param error - the error being constructed
 * @param brand - its class's `Symbol.for('@vast/client.<ErrorName>')`
 * @internal
 */
export function brand(error: Error, brand: symbol): void {
  Object.defineProperty(error, brand, { value: true });
}

/**
 * Whether a value carries a brand set by {@link brand} (by this copy of the package or another).
 *
 * @param value - anything, typically a caught error
 * @param brand - the class's `Symbol.for` brand
 * @returns `true` for a branded object
 * @internal
 */
export function hasBrand(value: unknown, brand: symbol): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}
