import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, MessageKind, MessageType, TmcFrameError } from '../../../src/platform/tmc/frame.js';
import {
  confirmFrame,
  connectAckFrame,
  connectFrame,
  connectRefusedFrame,
  dataFrame,
  failedFrame,
  parseContent,
  pullFrame,
  readConnect,
  readData,
  readMessageId,
  tmcSign,
} from '../../../src/platform/tmc/messages.js';

/**
 * Fixed byte vectors. Each was produced by the reference client tmc.js (lib/message.js, MIT) from the same fields,
 * except the refused connect-ack, which tmc.js never writes (its status code is read as int32, as here); the
 * connect-ack is byte-for-byte the one the Python client tmcpy's tests read from the real service.
 */
const V = {
  connect:
    '02000100070000006170705f6b65790108000000313030303030303101000a00000067726f75705f6e616d65010700000064656661756c7401000900000074696d657374616d70010d000000313730303030303030303030300100040000007369676e0120000000414243444546303132333435363738394142434445463031323334353637383901000300000073646b011200000054616f4d657373616765436f6e73756d65720000',
  connectAck:
    '020104000100000005002400000033326538386432382d323062312d343064642d386532642d6162656331393732373766650000',
  // CONNECTACK, StatusCode 401 (int32), StatusPhrase "invalid sign"
  refused: '020102009101000003000c000000696e76616c6964207369676e0000',
  pull: '0202050005000000746f6b2d310100060000005f5f6b696e6402010000',
  confirm: '0202050005000000746f6b2d310100060000005f5f6b696e640202010002000000696405c7713c8e4fb712200000',
  failed:
    '0203050005000000746f6b2d310100060000005f5f6b696e640214010002000000696405c7713c8e4fb712200100030000006d7367010c000000e7a88de5908ee5868de8af950000',
  data: '02020100060000005f5f6b696e640203010002000000696405c7713c8e4fb71220010005000000746f706963011e00000074616f62616f5f74726164655f54726164654d656d6f4d6f646966696564010007000000636f6e74656e7401350000007b22746964223a333933393339333933393339333933393339332c2273656c6c65725f6d656d6f223a22e58f91e9a1bae4b8b0227d01000400000074696d65060068e5cf8b0100000100040000006e69636b010f000000e5b08fe4ba8ce69797e888b0e5ba970100070000007265747269656402000000',
};
const hex = (b: Buffer) => b.toString('hex');
const bytes = (h: string) => Buffer.from(h, 'hex');
const ID = 2311111111111111111n;
const TOKEN = '32e88d28-20b1-40dd-8e2d-abec197277fe';

describe('TMC frame codec against fixed byte vectors', () => {
  it('when a consumer connects, then the frame is the CONNECT tmc.js writes, and it reads back field for field', () => {
    const c = {
      appKey: '10000001',
      groupName: 'default',
      timestamp: '1700000000000',
      sign: 'ABCDEF0123456789ABCDEF0123456789',
      sdk: 'TaoMessageConsumer',
    };
    expect(hex(encodeFrame(connectFrame(c)))).toBe(V.connect);
    const back = decodeFrame(bytes(V.connect));
    expect(back.type).toBe(MessageType.CONNECT);
    expect(readConnect(back)).toEqual({ ...c, intranetIp: undefined });
  });

  it('when the service accepts, then the connect-ack carries flag 1 and the token, as the real service sends it', () => {
    expect(hex(encodeFrame(connectAckFrame(TOKEN)))).toBe(V.connectAck);
    expect(decodeFrame(bytes(V.connectAck))).toMatchObject({ type: MessageType.CONNECTACK, flag: 1, token: TOKEN });
  });

  it('when the service refuses, then the connect-ack has an int32 status code and phrase and no token', () => {
    expect(hex(encodeFrame(connectRefusedFrame(401, 'invalid sign')))).toBe(V.refused);
    const f = decodeFrame(bytes(V.refused));
    expect(f).toMatchObject({ type: MessageType.CONNECTACK, statusCode: 401, statusPhrase: 'invalid sign' });
    expect(f.token).toBeUndefined();
  });

  it('when a consumer pulls, confirms or fails a message, then the frames are byte-for-byte the reference ones', () => {
    expect(hex(encodeFrame(pullFrame('tok-1')))).toBe(V.pull);
    expect(hex(encodeFrame(confirmFrame('tok-1', ID)))).toBe(V.confirm);
    expect(hex(encodeFrame(failedFrame('tok-1', ID, '稍后再试')))).toBe(V.failed);
    const confirm = decodeFrame(bytes(V.confirm));
    expect(confirm.content.get('__kind')).toBe(MessageKind.Confirm);
    expect(readMessageId(confirm)).toBe(ID);
    const failed = decodeFrame(bytes(V.failed));
    expect(failed.type).toBe(MessageType.SENDACK);
    expect(failed.content.get('__kind')).toBe(MessageKind.Failed);
    expect(failed.content.get('msg')).toBe('稍后再试');
  });

  it('when the service pushes a message, then id stays a 64-bit integer and time a date, byte-for-byte', () => {
    const m = {
      id: ID,
      topic: 'taobao_trade_TradeMemoModified',
      content: '{"tid":3939393939393939393,"seller_memo":"发顺丰"}',
      time: 1_700_000_000_000,
      nick: '小二旗舰店',
      retried: 0,
    };
    expect(hex(encodeFrame(dataFrame(m)))).toBe(V.data);
    expect(readData(decodeFrame(bytes(V.data)))).toEqual(m);
  });

  it('when a pushed content has ids beyond 2^53, then they are read exactly as text; short numbers stay numbers', () => {
    const c = parseContent(
      '{"tid":3939393939393939393,"oid": 3939393939393939394 ,"seller_flag":2,"memo":"12345678901234567"}',
    );
    expect(c).toEqual({
      tid: '3939393939393939393',
      oid: '3939393939393939394',
      seller_flag: 2,
      memo: '12345678901234567',
    });
    expect(() => parseContent('[1,2]')).toThrow();
  });

  it('when a frame is cut short, has an unknown header or trailing bytes, then decoding throws a frame error', () => {
    expect(() => decodeFrame(bytes(V.confirm.slice(0, -6)))).toThrow(TmcFrameError);
    expect(() => decodeFrame(bytes('02020900' + '0000'))).toThrow(TmcFrameError);
    expect(() => decodeFrame(bytes(V.pull + '00'))).toThrow(TmcFrameError);
    expect(() => decodeFrame(bytes('0302' + '0000'))).toThrow(/协议版本/);
  });

  it('signs the connect as md5(secret + sorted name+value + secret) in upper-case hex', () => {
    // md5("secretapp_key10000001group_namedefaulttimestamp1700000000000secret"), computed independently
    expect(tmcSign('secret', { app_key: '10000001', group_name: 'default', timestamp: '1700000000000' })).toBe(
      '20559C629ADA4D3DD6F43EED3DAB5DD3',
    );
  });
});
