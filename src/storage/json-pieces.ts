/** Members of a large object stringified together: a slice stays far below V8's large-object size. */
const MEMBERS_PER_SLICE = 16;
/** Objects with more members than this are streamed; smaller ones are stringified whole. */
const STREAM_ABOVE = 64;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  typeof (v as { toJSON?: unknown }).toJSON !== 'function' &&
  (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/**
 * The text of `JSON.stringify(value)`, as pieces: a plain object with many members (a shard file's
 * `docs`, thousands of orders) is written a slice of members at a time, so a checkpoint never
 * builds one string of megabytes per shard. Joined, the pieces are exactly JSON.stringify's text.
 */
export function* jsonPieces(value: unknown): Generator<string> {
  if (!isPlainObject(value)) {
    const text = JSON.stringify(value);
    if (text !== undefined) yield text;
    return;
  }
  const keys = Object.keys(value);
  const big = (v: unknown): v is Record<string, unknown> => isPlainObject(v) && Object.keys(v).length > STREAM_ABOVE;
  if (keys.length <= STREAM_ABOVE && !keys.some((k) => big(value[k]))) {
    yield JSON.stringify(value);
    return;
  }
  yield '{';
  let emitted = false; // a member was written before the current slice
  let slice: string[] = [];
  function* flush(): Generator<string> {
    if (!slice.length) return;
    yield (emitted ? ',' : '') + slice.join(',');
    emitted = true;
    slice = [];
  }
  for (const key of keys) {
    const member = value[key];
    if (big(member)) {
      yield* flush();
      yield `${emitted ? ',' : ''}${JSON.stringify(key)}:`;
      emitted = true;
      yield* jsonPieces(member);
      continue;
    }
    // JSON.stringify hands a member's toJSON its key; called alone it would hand it ''.
    const hasToJSON =
      typeof member === 'object' && member !== null && typeof (member as { toJSON?: unknown }).toJSON === 'function';
    if (hasToJSON) {
      const text = JSON.stringify({ [key]: member }).slice(1, -1);
      if (text) slice.push(text);
    } else {
      const text = JSON.stringify(member);
      if (text === undefined) continue; // as JSON.stringify: undefined and functions are left out
      slice.push(`${JSON.stringify(key)}:${text}`);
    }
    if (slice.length >= MEMBERS_PER_SLICE) yield* flush();
  }
  yield* flush();
  yield '}';
}
