import type { FileHandle } from 'node:fs/promises';

/** Bytes of the encode buffer of a writer kept for a file's life (the write-ahead log's). */
const BUFFER_BYTES = 1 << 20;

export interface TextWriter {
  /** Encodes the pieces in order and writes them (no fsync); resolves with the bytes written. */
  writeAll(pieces: Iterable<string>): Promise<number>;
}

/**
 * Text pieces → a file, through one UTF-8 buffer kept for the writer's life and written out each
 * time it fills. Large output (a group of log lines, a shard file) never becomes one joined string
 * nor a fresh Buffer per write: at sync rates those were megabytes of garbage a second that only a
 * full collection frees, and they set the process's peak memory.
 */
export function createTextWriter(fh: FileHandle, bufferBytes = BUFFER_BYTES): TextWriter {
  const buffer = new Uint8Array(bufferBytes);
  const encoder = new TextEncoder();

  async function writeOut(length: number): Promise<void> {
    for (let offset = 0; offset < length;) {
      const { bytesWritten } = await fh.write(buffer, offset, length - offset);
      // A write that moves nothing would loop here for ever.
      if (bytesWritten <= 0) throw new Error(`write made no progress (${length - offset} bytes left)`);
      offset += bytesWritten;
    }
  }

  return {
    async writeAll(pieces) {
      let used = 0;
      let total = 0;
      for (let piece of pieces) {
        for (;;) {
          const { read, written } = encoder.encodeInto(piece, buffer.subarray(used));
          used += written;
          if (read === piece.length) break;
          await writeOut(used);
          total += used;
          used = 0;
          piece = piece.slice(read);
        }
      }
      if (used) await writeOut(used);
      return total + used;
    },
  };
}
