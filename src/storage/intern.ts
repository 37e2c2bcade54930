/**
 * Stored documents repeat the same short strings over and over (statuses, item titles, SKU
 * properties, provinces, courier names, buyer nicks); parsed JSON gets a fresh copy of each. Sharing
 * one copy keeps a 100k-order book in memory at a fraction of the size. Values that are unique by
 * nature (ids, phones, times: anything starting with a digit) and long text are left alone, and the
 * table stops growing at a cap so it can never become the leak it is meant to prevent.
 */
const MAX_LENGTH = 40;
const MAX_ENTRIES = 200_000;

export function createInterner(): (key: string, value: unknown) => unknown {
  const table = new Map<string, string>();
  return (_key, value) => {
    if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return value;
    const c = value.charCodeAt(0);
    if (c >= 48 && c <= 57) return value;
    const known = table.get(value);
    if (known !== undefined) return known;
    if (table.size < MAX_ENTRIES) table.set(value, value);
    return value;
  };
}
