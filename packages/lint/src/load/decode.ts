/** Turns a file's bytes into text, remembering how to write it back. */

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  readonly text: string;
  readonly encoding: Encoding;
  readonly bom: boolean;
  /** The line ending the file uses (the first one found; `\n` when none). */
  readonly eol: '\n' | '\r\n';
}

export type DecodeResult =
  | { readonly ok: true; readonly value: DecodedText }
  | { readonly ok: false; readonly message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function eolOf(text: string): '\n' | '\r\n' {
  const nl = text.indexOf('\n');
  return nl > 0 && text.charCodeAt(nl - 1) === 13 ? '\r\n' : '\n';
}

/** ASCII text in UTF-16 has a NUL in every other byte. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  return (odd > pairs * 0.6 && even < pairs * 0.1) || (even > pairs * 0.6 && odd < pairs * 0.1);
}

/** Files that are not text, by their first bytes: what a manifest renamed from something else is. */
const SIGNATURES: ReadonlyArray<{ readonly bytes: readonly number[]; readonly what: string }> = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (an Excel or Word file is one)' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Office document (.xls, .doc)' },
  { bytes: [0xff, 0xfe, 0x00, 0x00], what: 'UTF-32 text' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], what: 'UTF-32 text' },
];

/** What a file is when its first bytes say it is no text (an image, an archive), or undefined. */
export function binaryKind(bytes: Uint8Array): string | undefined {
  return SIGNATURES.find((s) => s.bytes.length <= bytes.length && s.bytes.every((b, i) => bytes[i] === b))?.what;
}

export function decode(bytes: Uint8Array): DecodeResult {
  const kind = binaryKind(bytes);
  if (kind === 'UTF-32 text') return { ok: false, message: 'the file is UTF-32 text: save it as UTF-8 (or UTF-16 with a byte order mark)' };
  if (kind !== undefined) {
    return { ok: false, message: `the file is ${kind}, not a YAML or JSON manifest (a file renamed .yaml or .json?): name the manifest itself` };
  }
  const b0 = bytes[0];
  const b1 = bytes[1];
  let encoding: Encoding = 'utf-8';
  let bom = false;
  let body = bytes;
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    bom = true;
    body = bytes.subarray(3);
  } else if (b0 === 0xff && b1 === 0xfe) {
    encoding = 'utf-16le';
    bom = true;
    body = bytes.subarray(2);
  } else if (b0 === 0xfe && b1 === 0xff) {
    encoding = 'utf-16be';
    bom = true;
    body = bytes.subarray(2);
  }
  if (encoding !== 'utf-8') {
    if (body.length % 2 !== 0) {
      return { ok: false, message: `the file starts with a ${encoding.toUpperCase()} byte order mark but has an odd number of bytes: save it again as UTF-8` };
    }
    try {
      const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
      return { ok: true, value: { text, encoding, bom, eol: eolOf(text) } };
    } catch {
      return { ok: false, message: `the file is not valid ${encoding.toUpperCase()}: save it again as UTF-8` };
    }
  }
  if (body.indexOf(0) !== -1) {
    return {
      ok: false,
      message: looksLikeUtf16(body)
        ? 'the file looks like UTF-16 without a byte order mark: save it as UTF-8 (or UTF-16 with BOM)'
        : 'the file holds NUL bytes: it is a binary file, not a YAML or JSON manifest',
    };
  }
  try {
    const text = utf8.decode(body);
    return { ok: true, value: { text, encoding, bom, eol: eolOf(text) } };
  } catch {
    return {
      ok: false,
      message: 'the file is not UTF-8 (nor UTF-16 with a byte order mark): save it as UTF-8, for example with "Save as > Encoding: UTF-8" in Notepad',
    };
  }
}
