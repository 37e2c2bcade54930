/**
 * The Taobao Message Channel's binary frame, as the platform's SDKs and the MIT-licensed tmc.js (lib/message.js)
 * write it inside each binary WebSocket message. All integers are little-endian:
 *
 *   version:int8 (2)  type:int8  headers…  EndOfHeaders:int16 (0)
 *
 * A header is a type:int16 then its value: StatusCode → int32, StatusPhrase → counted string, Flag → int32,
 * Token → counted string, Custom → counted-string name then a typed value (format:int8, then the value: Byte int8,
 * Int16, Int32, Int64, Date as int64 epoch ms, counted string, counted byte array, or Void). A counted string is an
 * int32 byte length then UTF-8. The message's kind (pull, confirm, data, failed) travels as the custom header
 * `__kind`; everything else a message carries (id, topic, content …) is a custom header too.
 *
 * tmc.js writes the status code as int16 but reads it as int32; the Java SDK writes int32. We write and read int32, so
 * a tmc.js consumer reads what our sandbox sends (clients never send a status code).
 */

export const TMC_PROTOCOL_VERSION = 2;

export const MessageType = { CONNECT: 0, CONNECTACK: 1, SEND: 2, SENDACK: 3 } as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

export const MessageKind = { None: 0, PullRequest: 1, Confirm: 2, Data: 3, Failed: 20 } as const;
export type MessageKind = (typeof MessageKind)[keyof typeof MessageKind];

const Header = { End: 0, Custom: 1, StatusCode: 2, StatusPhrase: 3, Flag: 4, Token: 5 } as const;
const Format = { Void: 0, String: 1, Byte: 2, Int16: 3, Int32: 4, Int64: 5, Date: 6, Bytes: 7 } as const;

/** The custom header that carries the message kind. */
export const KIND_KEY = '__kind';

export type TmcValue = null | number | bigint | string | Date | Buffer;

export interface TmcFrame {
  type: MessageType;
  statusCode?: number;
  statusPhrase?: string;
  flag?: number;
  token?: string;
  /** Custom headers in wire order (a Map keeps insertion order, so an encoded frame is byte-for-byte stable). */
  content: Map<string, TmcValue>;
}

export class TmcFrameError extends Error {
  override name = 'TmcFrameError';
}

/** Writes into a growing list of chunks: frames are small, so simplicity beats a preallocated buffer. */
class Writer {
  private chunks: Buffer[] = [];
  int8(v: number) {
    const b = Buffer.alloc(1);
    b.writeInt8(v);
    this.chunks.push(b);
  }
  int16(v: number) {
    const b = Buffer.alloc(2);
    b.writeInt16LE(v);
    this.chunks.push(b);
  }
  int32(v: number) {
    const b = Buffer.alloc(4);
    b.writeInt32LE(v);
    this.chunks.push(b);
  }
  int64(v: bigint) {
    const b = Buffer.alloc(8);
    b.writeBigInt64LE(v);
    this.chunks.push(b);
  }
  counted(v: Buffer) {
    this.int32(v.length);
    this.chunks.push(v);
  }
  string(v: string) {
    this.counted(Buffer.from(v, 'utf8'));
  }
  value(v: TmcValue) {
    if (v === null) return this.int8(Format.Void);
    if (typeof v === 'bigint') {
      this.int8(Format.Int64);
      return this.int64(v);
    }
    if (typeof v === 'number') {
      if (!Number.isSafeInteger(v)) throw new TmcFrameError(`不能写入非整数的数值：${v}`);
      // The smallest format that holds the number, as tmc.js chooses it; readers accept any of them.
      if (v >= -128 && v < 128) {
        this.int8(Format.Byte);
        return this.int8(v);
      }
      if (v >= -32_768 && v < 32_768) {
        this.int8(Format.Int16);
        return this.int16(v);
      }
      if (v >= -2_147_483_648 && v < 2_147_483_648) {
        this.int8(Format.Int32);
        return this.int32(v);
      }
      this.int8(Format.Int64);
      return this.int64(BigInt(v));
    }
    if (typeof v === 'string') {
      this.int8(Format.String);
      return this.string(v);
    }
    if (v instanceof Date) {
      this.int8(Format.Date);
      return this.int64(BigInt(v.getTime()));
    }
    this.int8(Format.Bytes);
    this.counted(v);
  }
  done(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

export function encodeFrame(f: TmcFrame): Buffer {
  const w = new Writer();
  w.int8(TMC_PROTOCOL_VERSION);
  w.int8(f.type);
  if (f.statusCode) {
    w.int16(Header.StatusCode);
    w.int32(f.statusCode);
  }
  if (f.statusPhrase) {
    w.int16(Header.StatusPhrase);
    w.string(f.statusPhrase);
  }
  if (f.flag) {
    w.int16(Header.Flag);
    w.int32(f.flag);
  }
  if (f.token) {
    w.int16(Header.Token);
    w.string(f.token);
  }
  for (const [k, v] of f.content) {
    w.int16(Header.Custom);
    w.string(k);
    w.value(v);
  }
  w.int16(Header.End);
  return w.done();
}

class Reader {
  private at = 0;
  constructor(private readonly b: Buffer) {}
  private need(n: number) {
    if (this.at + n > this.b.length) throw new TmcFrameError(`消息帧在第${this.at}字节处提前结束`);
    const at = this.at;
    this.at += n;
    return at;
  }
  int8 = () => this.b.readInt8(this.need(1));
  int16 = () => this.b.readInt16LE(this.need(2));
  int32 = () => this.b.readInt32LE(this.need(4));
  int64 = () => this.b.readBigInt64LE(this.need(8));
  counted(): Buffer {
    const n = this.int32();
    if (n < 0) throw new TmcFrameError(`消息帧里的长度为负数：${n}`);
    const at = this.need(n);
    return this.b.subarray(at, at + n);
  }
  string = () => this.counted().toString('utf8');
  value(): TmcValue {
    const format = this.int8();
    switch (format) {
      case Format.Void:
        return null;
      case Format.Byte:
        return this.int8();
      case Format.Int16:
        return this.int16();
      case Format.Int32:
        return this.int32();
      case Format.Int64:
        // Ids are 64-bit: kept as bigint so none loses a digit (tids pass 2^53).
        return this.int64();
      case Format.Date:
        return new Date(Number(this.int64()));
      case Format.String:
        return this.string();
      case Format.Bytes:
        return Buffer.from(this.counted());
      default:
        throw new TmcFrameError(`未知的取值格式：${format}`);
    }
  }
  get remaining() {
    return this.b.length - this.at;
  }
}

export function decodeFrame(buf: Buffer): TmcFrame {
  const r = new Reader(buf);
  const version = r.int8();
  if (version !== TMC_PROTOCOL_VERSION) throw new TmcFrameError(`不支持的协议版本：${version}`);
  const type = r.int8();
  if (type < 0 || type > 3) throw new TmcFrameError(`未知的消息类型：${type}`);
  const f: TmcFrame = { type: type as MessageType, content: new Map() };
  for (;;) {
    const header = r.int16();
    if (header === Header.End) break;
    switch (header) {
      case Header.StatusCode:
        f.statusCode = r.int32();
        break;
      case Header.StatusPhrase:
        f.statusPhrase = r.string();
        break;
      case Header.Flag:
        f.flag = r.int32();
        break;
      case Header.Token:
        f.token = r.string();
        break;
      case Header.Custom: {
        const key = r.string();
        f.content.set(key, r.value());
        break;
      }
      default:
        throw new TmcFrameError(`未知的头类型：${header}`);
    }
  }
  if (r.remaining !== 0) throw new TmcFrameError(`消息帧结束后还有${r.remaining}字节`);
  return f;
}

/** The kind of a SEND/SENDACK frame (None when absent). */
export function frameKind(f: TmcFrame): number {
  const k = f.content.get(KIND_KEY);
  return typeof k === 'number' ? k : MessageKind.None;
}
