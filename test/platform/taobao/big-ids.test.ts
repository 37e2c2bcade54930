import { describe, expect, it } from 'vitest';
import { quoteBigIdBytes, quoteBigIds } from '../../../src/platform/taobao/big-ids.js';
import { parseTopResponse } from '../../../src/platform/taobao/index.js';
import { createRng } from '../../../src/shared/prng.js';
import { fixture } from './top-gateway.js';

const viaBytes = (text: string) => quoteBigIdBytes(Buffer.from(text)).toString('utf8');

describe('quoting 64-bit ids on the response bytes', () => {
  it('when the gateway fixtures are quoted on bytes, then the text is exactly what the text rewrite gives', () => {
    for (const name of ['trades-sold-increment-get.json', 'trade-fullinfo-get.json']) {
      const text = fixture(name);
      expect(viaBytes(text)).toBe(quoteBigIds(text));
      expect(viaBytes(text)).not.toBe(text);
    }
  });

  it('when ids sit among Chinese text, spaces, escaped quotes and look-alike keys, then both rewrites agree on every sample', () => {
    const rng = createRng(7);
    const pick = <T>(xs: T[]) => rng.pick(xs);
    const keys = ['tid', 'oid', 'refund_id', 'num_iid', 'sku_id', 'xtid', 'tid_str', 'paid', 'num'];
    const values = [
      '4137654321098765432',
      '-12',
      '0',
      '"4137654321098765432"',
      '12.5',
      '1e5',
      'null',
      '"备注 \\"tid\\":41376543210987654 说明"',
      '[1,2]',
    ];
    // JSON white space, and characters \s knows that JSON does not (both rewrites leave those alone).
    const gaps = ['', ' ', '\n', '\t ', ' \r\n', '\u3000', '\u00a0', '\v', '\f', '\ufeff'];
    for (let n = 0; n < 300; n++) {
      const members = Array.from(
        { length: rng.int(1, 6) },
        () => `"${pick(keys)}"${pick(gaps)}:${pick(gaps)}${pick(values)}${pick(gaps)}`,
      );
      const text = `{"买家":"小花猫",${members.join(',')},"list":[{"oid":${pick(values)}}]}`;
      expect(viaBytes(text), text).toBe(quoteBigIds(text));
    }
  });

  it('when a response arrives as bytes with a byte-order mark, then it parses to the same body as its text', () => {
    const text = fixture('trades-sold-increment-get.json');
    const fromBytes = parseTopResponse(
      'taobao.trades.sold.increment.get',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
    );
    expect(fromBytes).toEqual(parseTopResponse('taobao.trades.sold.increment.get', text));
    expect(fromBytes.trades!.trade[0]!.tid).toBe('4137654321098765499');
  });

  it('when there is nothing to quote, then the bytes are handed back without a copy', () => {
    const buf = Buffer.from('{"total_results":0,"has_next":false}');
    expect(quoteBigIdBytes(buf)).toBe(buf);
  });
});
