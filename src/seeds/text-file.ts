/**
 * Reads a seed file or a source document as UTF-8 text, refusing what is not one: something other
 * than a regular file (a folder, a FIFO, a device, which could block or never end), a file over
 * the size limit (at most limit + 1 bytes are ever read), bytes that are not UTF-8. A refusal
 * says where, when a place in the text is to blame.
 */
import { open, stat } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import { formatBytes } from './limits.js';

export type TextFile =
  { ok: true; text: string } | { ok: false; message: string; line?: number; column?: number };

export async function readTextFile(path: string, maxBytes: number): Promise<TextFile> {
  let bytes: Buffer;
  try {
    const stats = await stat(path);
    if (!stats.isFile()) return { ok: false, message: 'is not a regular file' };
    if (stats.size > maxBytes) return tooLarge(stats.size, maxBytes);
    bytes = await readAtMost(path, maxBytes + 1);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    return {
      ok: false,
      message: code === 'ENOENT' ? 'no such file' : `cannot be read: ${message}`,
    };
  }
  // The file may have grown since stat.
  if (bytes.length > maxBytes) return tooLarge(bytes.length, maxBytes, 'at least ');
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, ...firstInvalidUtf8(bytes) };
  }
}

function tooLarge(size: number, maxBytes: number, atLeast = ''): TextFile {
  return {
    ok: false,
    message: `is ${atLeast}${size} bytes, over the limit of ${maxBytes} (${formatBytes(maxBytes)}); split it into several files`,
  };
}

async function readAtMost(path: string, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    let filled = 0;
    while (filled < length) {
      const { bytesRead } = await handle.read(buffer, filled, length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

/**
 * Where the first byte sequence that is not UTF-8 is: the lenient decoder turns it into U+FFFD,
 * and the bytes before it are valid, so their length in UTF-8 is its offset. A U+FFFD that the
 * file really holds (EF BF BD) is skipped.
 */
function firstInvalidUtf8(bytes: Buffer): { message: string; line: number; column: number } {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  let index = text.indexOf('\uFFFD');
  while (index >= 0) {
    const before = text.slice(0, index);
    const offset = Buffer.byteLength(before, 'utf8');
    if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) {
      const lines = before.split('\n');
      return {
        message: `is not UTF-8 text: byte 0x${bytes[offset]!.toString(16).toUpperCase().padStart(2, '0')} at byte offset ${offset}; save the file as UTF-8`,
        line: lines.length,
        column: lines.at(-1)!.length + 1,
      };
    }
    index = text.indexOf('\uFFFD', index + 1);
  }
  return { message: 'is not UTF-8 text; save the file as UTF-8', line: 1, column: 1 };
}

/** Whether `path` is strictly below `folder` (both absolute and resolved). */
export function isInside(folder: string, path: string): boolean {
  const below = relative(folder, path);
  return below !== '' && below !== '..' && !below.startsWith(`..${sep}`) && !isAbsolute(below);
}
