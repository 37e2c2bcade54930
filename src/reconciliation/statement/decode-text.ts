import iconv from 'iconv-lite';
import type { TextEncoding } from './statement-types.js';

/**
 * Chinese bank exports are GBK more often than not, some are UTF-8 with or without a BOM, a few UTF-16.
 * GBK text is practically never valid UTF-8, so a strict UTF-8 decode decides; GB18030 (a superset of GBK)
 * is the fallback so no byte sequence a bank can produce is lost.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: TextEncoding } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: strictUtf8(bytes.subarray(3)) ?? iconv.decode(bytes.subarray(3), 'utf8'), encoding: 'utf-8-bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  }
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  return { text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030' };
}

/**
 * A download cut off mid-character ends in an incomplete UTF-8 sequence; the text before it is still UTF-8, and
 * reading the whole file as GB18030 would only turn it into noise (the cut row itself is held back by the parser).
 */
function strictUtf8(bytes: Uint8Array): string | null {
  for (let cut = 0; cut <= Math.min(3, bytes.length); cut++) {
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, bytes.length - cut));
    } catch {
      // Only a trailing lead byte (0b11xxxxxx) or continuation bytes can be the start of a cut character.
      const b = bytes[bytes.length - 1 - cut];
      if (b === undefined || b < 0x80) return null;
    }
  }
  return null;
}
