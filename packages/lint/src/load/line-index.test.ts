import { describe, expect, it } from 'vitest';
import { LineIndex } from './line-index.js';

describe('LineIndex', () => {
  it.each([
    ['LF', 'ab\ncd\n\nef'],
    ['CRLF', 'ab\r\ncd\r\n\r\nef'],
    ['CR', 'ab\rcd\r\ref'],
  ])('maps offsets to lines and columns with %s line ends', (_name, text) => {
    const lines = new LineIndex(text);
    expect(lines.position(text.indexOf('d'))).toEqual({ line: 2, column: 2 });
    expect(lines.position(text.indexOf('e'))).toEqual({ line: 4, column: 1 });
    expect(lines.lineAt(text.indexOf('c'))).toBe('cd');
    expect(lines.lineStart(text.indexOf('d'))).toBe(text.indexOf('c'));
    expect(lines.lineEnd(text.indexOf('c'))).toBe(text.indexOf('d') + 1);
  });

  it('keeps an offset inside the text: past a line end, back to the line\'s last character', () => {
    const text = 'ab\r\n\r\ncd\n';
    const lines = new LineIndex(text);
    expect(lines.inside(2)).toBe(1); // the \r after "ab"
    expect(lines.inside(3)).toBe(1); // the \n after "ab"
    expect(lines.inside(4)).toBe(4); // an empty line: its start
    expect(lines.inside(text.length)).toBe(text.indexOf('d'));
    expect(lines.inside(10_000)).toBe(text.indexOf('d'));
    expect(lines.inside(-5)).toBe(0);
    expect(new LineIndex('').inside(3)).toBe(0);
  });

  it('builds ranges within the text', () => {
    const text = '---';
    const lines = new LineIndex(text);
    expect(lines.range(5)).toEqual({ line: 1, column: 3, endLine: 1, endColumn: 3 });
    expect(lines.range(0, 3)).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 3 });
    expect(new LineIndex('a\nbc\n').range(2, 5)).toEqual({ line: 2, column: 1, endLine: 2, endColumn: 2 });
  });
});
