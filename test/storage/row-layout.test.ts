import { describe, expect, it } from 'vitest';
import {
  assertRowLayout,
  compileRowEncoder,
  createRowCodec,
  decodeRow,
  type RowLayout,
} from '../../src/storage/row-layout.js';

const LAYOUT: RowLayout = [
  'id',
  'name',
  { key: 'to', fields: ['city', 'zip'] },
  { key: 'lines', each: ['sku', 'n'] },
  'memo',
];
const doc = () => ({
  id: 't1',
  name: '小丽',
  to: { city: '杭州市', zip: '310012' },
  lines: [
    { sku: 'A1', n: 2 },
    { sku: 'B2', n: 1 },
  ],
  memo: null,
});

describe('row layout', () => {
  it('when a document fits its layout, then it becomes a row without keys that decodes to the same JSON, key order included', () => {
    const encode = compileRowEncoder(LAYOUT);
    const row = encode(doc());
    expect(row).toEqual([
      't1',
      '小丽',
      ['杭州市', '310012'],
      [
        ['A1', 2],
        ['B2', 1],
      ],
      null,
    ]);
    const back = decodeRow(LAYOUT, JSON.parse(JSON.stringify(row)));
    expect(JSON.stringify(back)).toBe(JSON.stringify(doc()));
  });

  it('when a document differs from the layout in any way, then it is not encoded (it is stored as the object it is)', () => {
    const encode = compileRowEncoder(LAYOUT);
    const { memo, ...withoutMemo } = doc();
    void memo;
    const cases: [string, unknown][] = [
      ['a key missing', withoutMemo],
      ['an extra key', { ...doc(), extra: 1 }],
      ['keys in another order', { name: '小丽', id: 't1', to: doc().to, lines: doc().lines, memo: null }],
      ['an undefined value (JSON drops the key)', { ...doc(), memo: undefined }],
      ['a nested object with an extra key', { ...doc(), to: { city: '杭州市', zip: '310012', town: '文新' } }],
      ['a nested value that is not an object', { ...doc(), to: 'Hangzhou' }],
      ['a list that is not an array', { ...doc(), lines: { sku: 'A1', n: 2 } }],
      ['a list element of another shape', { ...doc(), lines: [{ sku: 'A1' }] }],
      [
        'a class instance (it could have toJSON)',
        Object.assign(
          new (class Doc {
            toJSON() {
              return 'x';
            }
          })(),
          doc(),
        ),
      ],
      ['a function value (JSON drops the key, a row would write null)', { ...doc(), memo: () => 1 }],
      ['a symbol value', { ...doc(), memo: Symbol('m') }],
      ['a value whose toJSON gives undefined', { ...doc(), memo: { toJSON: () => undefined } }],
      ['a nested function value', { ...doc(), to: { city: () => 'x', zip: '310012' } }],
      [
        'a document with a toJSON of its own that for…in does not see',
        Object.defineProperty(doc(), 'toJSON', { value: () => ({ z: 9 }), enumerable: false }),
      ],
      ['not an object', 'abc'],
      ['an array', ['t1', '小丽', null, [], null]],
      ['null', null],
    ];
    for (const [what, d] of cases) expect(encode(d), what).toBeUndefined();
  });

  it('when every such case is written both ways, then the row form would have differed, which is why it is refused', () => {
    // The reason for the refusals above: the object form drops the key, the array form keeps a null.
    const d = { a: 1, b: () => 1 };
    const layout: RowLayout = ['a', 'b'];
    expect(JSON.stringify(d)).toBe('{"a":1}');
    expect(JSON.stringify(decodeRow(layout, JSON.parse(JSON.stringify([d.a, d.b]))))).toBe('{"a":1,"b":null}');
    expect(compileRowEncoder(layout)(d)).toBeUndefined();
  });

  it('when a value is a Date, then it is encoded, and the row gives the same JSON as the object', () => {
    const layout: RowLayout = ['at', 'n'];
    const d = { at: new Date('2026-12-01T10:00:00.000Z'), n: -0 };
    const row = compileRowEncoder(layout)(d);
    expect(row).toBeDefined();
    expect(JSON.stringify(decodeRow(layout, JSON.parse(JSON.stringify(row))))).toBe(JSON.stringify(d));
  });

  it('when the caller changes its layout after making a codec, then the codec and the layout it logs are unchanged', () => {
    const layout = ['a', 'b'];
    const codec = createRowCodec(layout);
    layout.reverse();
    expect(codec.layout).toEqual(['a', 'b']);
    expect(Object.isFrozen(codec.layout)).toBe(true);
    const row = codec.encode({ a: 'A', b: 'B' });
    expect(decodeRow(codec.layout, row)).toEqual({ a: 'A', b: 'B' });
    expect(JSON.stringify(decodeRow(codec.layout, row))).toBe('{"a":"A","b":"B"}');
  });

  it('when a key holds quotes or code, then it is read as a key and round-trips (keys never become code)', () => {
    const key = 'a"]); globalThis.pwned = 1; (["';
    const layout: RowLayout = [key, 'b'];
    const encode = compileRowEncoder(layout);
    const row = encode({ [key]: 1, b: 2 });
    expect(row).toEqual([1, 2]);
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
    expect(decodeRow(layout, row)).toEqual({ [key]: 1, b: 2 });
  });

  it('when a layout is malformed, then it is refused naming the field', () => {
    expect(() => assertRowLayout(['a', 'a'])).toThrow(/"a" twice/);
    expect(() => assertRowLayout(['a', { key: 'to', fields: [] }])).toThrow(/row layout\.to: a non-empty list/);
    expect(() => assertRowLayout(['__proto__'])).toThrow(/__proto__/);
    expect(() => compileRowEncoder([])).toThrow(/non-empty/);
  });

  it('when a row does not fit the layout, then decoding fails naming where', () => {
    expect(() => decodeRow(LAYOUT, ['t1'], 'wal-1: orders/t1')).toThrow(
      'wal-1: orders/t1: expected a row of 5 values, got 1',
    );
    expect(() => decodeRow(LAYOUT, ['t1', 'x', ['a', 'b'], [['A1']], null], 'r')).toThrow(
      'r.lines[0]: expected a row of 2 values, got 1',
    );
    expect(() => decodeRow(LAYOUT, ['t1', 'x', ['a', 'b'], 'A1', null], 'r')).toThrow(
      'r.lines: expected a list of rows',
    );
  });
});
