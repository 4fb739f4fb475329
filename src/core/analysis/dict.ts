/** Lookup tables without a prototype, so words like "constructor" never hit Object.prototype. */
export function dict<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}
