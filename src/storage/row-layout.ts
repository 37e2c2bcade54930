/**
 * A document written as a row: its values in a declared key order, without the keys. A page of a
 * hundred orders as objects is half key names; as rows the write-ahead log holds half the bytes
 * and costs a third less to serialize and encode. The layout travels with the rows it describes
 * (see wal.ts), so any build of xiaoer can read a log another wrote.
 */
export type RowLayout = readonly RowField[];
/** A value as it is; a nested object in its own layout; or an array of such objects. */
export type RowField =
  string | { readonly key: string; readonly fields: RowLayout } | { readonly key: string; readonly each: RowLayout };

/** The row of a document, or undefined when the document is not exactly of the layout. */
export type RowEncoder = (doc: unknown) => unknown[] | undefined;

/** A layout and its encoder, as a store holds them for a collection. */
export interface RowCodec {
  /** A frozen copy: what goes into the log is what the encoder was compiled from. */
  readonly layout: RowLayout;
  readonly encode: RowEncoder;
}

const keyOf = (f: RowField) => (typeof f === 'string' ? f : f.key);

export function assertRowLayout(layout: RowLayout, where = 'row layout'): void {
  if (!Array.isArray(layout) || !layout.length) throw new Error(`${where}: a non-empty list of fields is required`);
  const seen = new Set<string>();
  for (const f of layout) {
    const key = keyOf(f);
    if (typeof key !== 'string' || !key) throw new Error(`${where}: a field without a key`);
    // Assigning it while decoding would set the prototype instead of a field.
    if (key === '__proto__') throw new Error(`${where}: "__proto__" cannot be a field`);
    if (seen.has(key)) throw new Error(`${where}: ${JSON.stringify(key)} twice`);
    seen.add(key);
    if (typeof f !== 'string') assertRowLayout('fields' in f ? f.fields : f.each, `${where}.${key}`);
  }
}

function frozenCopy(layout: RowLayout): RowLayout {
  return Object.freeze(
    layout.map((f) =>
      typeof f === 'string'
        ? f
        : Object.freeze(
            'fields' in f ? { key: f.key, fields: frozenCopy(f.fields) } : { key: f.key, each: frozenCopy(f.each) },
          ),
    ),
  );
}

/** The codec of a layout; later changes to the caller's layout change neither its encoder nor its log lines. */
export function createRowCodec(layout: RowLayout): RowCodec {
  assertRowLayout(layout);
  const copy = frozenCopy(layout);
  return Object.freeze({ layout: copy, encode: compileRowEncoder(copy) });
}

/**
 * Compiles the encoder of a layout. Generated code reads each key as a constant property, as a
 * hand-written encoder would; a loop over the layout reading `doc[key]` is megamorphic and gave
 * back most of the gain. Keys enter the source only through JSON.stringify, so any key is safe.
 *
 * A row must decode to the very document: the same keys in the same order (upserts compare
 * documents by their JSON); no value JSON leaves out of an object but writes as null in an array
 * (undefined, a function, a symbol, or whatever a toJSON turns into one: only a Date's toJSON is
 * trusted); and nothing but plain objects without a toJSON of their own. Anything else is not
 * encoded and goes to the log as the object it is.
 */
export function compileRowEncoder(layout: RowLayout): RowEncoder {
  assertRowLayout(layout);
  const subs: RowEncoder[] = [];
  const lines: string[] = [
    'if (d === null || typeof d !== "object") return undefined;',
    'const p = Object.getPrototypeOf(d); if (p !== Object.prototype && p !== null) return undefined;',
    'if (typeof d.toJSON === "function") return undefined;',
    'let n = 0; for (const k in d) { if (k !== keys[n]) return undefined; n++; }',
    `if (n !== ${layout.length}) return undefined;`,
  ];
  layout.forEach((f, i) => {
    const get = `d[${JSON.stringify(keyOf(f))}]`;
    if (typeof f === 'string') {
      lines.push(`const v${i} = ${get}; if (!plain(v${i})) return undefined;`);
    } else if ('fields' in f) {
      subs[i] = compileRowEncoder(f.fields);
      lines.push(`const v${i} = subs[${i}](${get}); if (v${i} === undefined) return undefined;`);
    } else {
      subs[i] = compileRowEncoder(f.each);
      lines.push(
        `const a${i} = ${get}; if (!Array.isArray(a${i})) return undefined;`,
        `const v${i} = new Array(a${i}.length);`,
        `for (let j = 0; j < a${i}.length; j++) { const e = subs[${i}](a${i}[j]); if (e === undefined) return undefined; v${i}[j] = e; }`,
      );
    }
  });
  lines.push(`return [${layout.map((_, i) => `v${i}`).join(', ')}];`);
  const make = new Function('keys', 'subs', 'plain', `return function encodeRow(d) {\n${lines.join('\n')}\n};`) as (
    keys: string[],
    subs: RowEncoder[],
    plain: (v: unknown) => boolean,
  ) => RowEncoder;
  return make(layout.map(keyOf), subs, sameInArrayAndObject);
}

/** Whether JSON writes the value alike as an object member and as an array element. */
function sameInArrayAndObject(v: unknown): boolean {
  const t = typeof v;
  if (t === 'string' || t === 'number' || t === 'boolean' || v === null) return true;
  if (t !== 'object') return false; // undefined, function, symbol (bigint: JSON refuses it either way)
  const toJSON = (v as { toJSON?: unknown }).toJSON;
  return typeof toJSON !== 'function' || (v instanceof Date && toJSON === Date.prototype.toJSON);
}

/** The document a row stands for. Throws, naming the field, on a row that does not fit the layout. */
export function decodeRow(layout: RowLayout, row: unknown, where = 'row'): Record<string, unknown> {
  if (!Array.isArray(row) || row.length !== layout.length) {
    throw new Error(
      `${where}: expected a row of ${layout.length} values, got ${Array.isArray(row) ? row.length : typeof row}`,
    );
  }
  const doc: Record<string, unknown> = {};
  layout.forEach((f, i) => {
    const value: unknown = row[i];
    if (typeof f === 'string') doc[f] = value;
    else if ('fields' in f) doc[f.key] = decodeRow(f.fields, value, `${where}.${f.key}`);
    else {
      if (!Array.isArray(value)) throw new Error(`${where}.${f.key}: expected a list of rows`);
      doc[f.key] = value.map((v, j) => decodeRow(f.each, v, `${where}.${f.key}[${j}]`));
    }
  });
  return doc;
}
