/** Turns text back into a file's bytes, in the encoding it was read in (load/decode.ts). */
import type { Encoding } from '../load/decode.js';

export function encode(text: string, how: { readonly encoding: Encoding; readonly bom: boolean }): Uint8Array {
  const body = how.bom && text.charCodeAt(0) !== 0xfeff ? `\uFEFF${text}` : text;
  if (how.encoding === 'utf-8') return Buffer.from(body, 'utf8');
  const bytes = Buffer.from(body, 'utf16le');
  return how.encoding === 'utf-16be' ? bytes.swap16() : bytes;
}
