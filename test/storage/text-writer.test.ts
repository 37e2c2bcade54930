import type { FileHandle } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createTextWriter } from '../../src/storage/text-writer.js';

/** A file handle that takes at most `perCall` bytes a write, as a disk under pressure may. */
function fakeHandle(perCall: number) {
  const chunks: Buffer[] = [];
  const fh = {
    write: async (buf: Uint8Array, offset: number, length: number) => {
      const n = Math.min(perCall, length);
      chunks.push(Buffer.from(buf.subarray(offset, offset + n)));
      return { bytesWritten: n, buffer: buf };
    },
  } as unknown as FileHandle;
  return { fh, text: () => Buffer.concat(chunks).toString('utf8') };
}

describe('text writer', () => {
  it('when the file takes a few bytes a write and pieces straddle the buffer edge, then every byte arrives in order', async () => {
    const { fh, text } = fakeHandle(7_777);
    // 4-byte and 3-byte characters at every offset around the 1 MiB edge.
    const pieces = ['x'.repeat((1 << 20) - 3), '😀小二', '备注'.repeat(400_000), '', 'end'];
    const written = await createTextWriter(fh).writeAll(pieces);
    expect(text()).toBe(pieces.join(''));
    expect(written).toBe(Buffer.byteLength(pieces.join('')));
  });

  it('when a write moves no bytes, then writeAll fails instead of looping for ever', async () => {
    const { fh } = fakeHandle(0);
    await expect(createTextWriter(fh).writeAll(['订单'])).rejects.toThrow(/no progress/);
  });
});
