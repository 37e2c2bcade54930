/**
 * Orders repeat the same short strings over and over (statuses, item titles, SKU properties,
 * provinces, courier names, buyer nicks); every parsed response or file gets a fresh copy of each.
 * Sharing one copy keeps a 100k-order book in memory at a fraction of the size. Values unique by
 * nature (ids, phones, times: anything starting with a digit) and long text are left alone, and the
 * pool stops growing at a cap so it can never become the leak it is meant to prevent.
 */
const MAX_LENGTH = 40;
const MAX_ENTRIES = 200_000;

export type StringPool = (value: string) => string;

/**
 * `digits: true` pools values that start with a digit too: for fields known to repeat although they
 * look like ids (a catalogue's item and SKU ids, postcodes), never for ones unique by nature.
 */
export function createStringPool(opts: { digits?: boolean } = {}): StringPool {
  const table = new Map<string, string>();
  const digits = opts.digits === true;
  return (value) => {
    // Up to 10 characters, V8's JSON.parse already hands out one shared (internalized) copy:
    // looking those up again costs a hash per field and saves nothing.
    if (value.length <= 10 || value.length > MAX_LENGTH) return value;
    const c = value.charCodeAt(0);
    if (!digits && c >= 48 && c <= 57) return value;
    const known = table.get(value);
    if (known !== undefined) return known;
    if (table.size < MAX_ENTRIES) table.set(value, value);
    return value;
  };
}

/** A JSON.parse reviver over a pool: for files read once at start-up. */
export function internReviver(pool: StringPool = createStringPool()): (key: string, value: unknown) => unknown {
  return (_key, value) => (typeof value === 'string' ? pool(value) : value);
}
