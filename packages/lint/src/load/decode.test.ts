import { describe, expect, it } from 'vitest';
import { decode } from './decode.js';

const TEXT = 'name: Ærø\r\nkind: vessel\r\n';

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  if (bigEndian) for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), le]);
}

describe('decode', () => {
  it('reads UTF-8 with and without a BOM and remembers which', () => {
    const plain = decode(Buffer.from(TEXT));
    const bom = decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]));
    expect(plain).toEqual({ ok: true, value: { text: TEXT, encoding: 'utf-8', bom: false, eol: '\r\n' } });
    expect(bom).toEqual({ ok: true, value: { text: TEXT, encoding: 'utf-8', bom: true, eol: '\r\n' } });
  });

  it('reads UTF-16 with a BOM, both byte orders (what Notepad writes)', () => {
    expect(decode(utf16(TEXT, false))).toMatchObject({ ok: true, value: { text: TEXT, encoding: 'utf-16le', bom: true } });
    expect(decode(utf16(TEXT, true))).toMatchObject({ ok: true, value: { text: TEXT, encoding: 'utf-16be', bom: true } });
  });

  it('refuses UTF-16 without a BOM, and Latin-1, saying what to do', () => {
    const noBom = decode(Buffer.from(TEXT, 'utf16le'));
    expect(noBom).toMatchObject({ ok: false });
    expect(!noBom.ok && noBom.message).toMatch(/UTF-16 without a byte order mark/);
    const binary = decode(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]));
    expect(!binary.ok && binary.message).toMatch(/binary file/);
    const latin1 = decode(Buffer.from('name: \xc6r\xf8\n', 'latin1'));
    expect(!latin1.ok && latin1.message).toMatch(/not UTF-8.*save it as UTF-8/);
  });

  it('keeps \\n files as \\n', () => {
    expect(decode(Buffer.from('a: 1\nb: 2\n'))).toMatchObject({ ok: true, value: { eol: '\n' } });
  });
});
