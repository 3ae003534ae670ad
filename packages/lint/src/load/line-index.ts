import type { Range } from '../finding.js';

/**
 * Maps string offsets to 1-based lines and columns; built on first use. A line ends at `\n`, `\r\n`
 * or a lone `\r` (as YAML reads them); columns count UTF-16 code units (as editors and SARIF do).
 */
export class LineIndex {
  #starts: number[] | undefined;

  constructor(private readonly text: string) {}

  #lineStarts(): number[] {
    if (this.#starts) return this.#starts;
    const starts = [0];
    const text = this.text;
    if (!text.includes('\r')) {
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
      }
    }
    this.#starts = starts;
    return starts;
  }

  /** 1-based line and column of the character at `offset`. */
  position(offset: number): { line: number; column: number } {
    const starts = this.#lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
  }

  /** Offset of the first character of the line holding `offset`. */
  lineStart(offset: number): number {
    const starts = this.#lineStarts();
    return starts[this.position(offset).line - 1] as number;
  }

  /** Offset just before the line end of the line holding `offset`. */
  lineEnd(offset: number): number {
    const text = this.text;
    let end = offset;
    while (end < text.length) {
      const c = text.charCodeAt(end);
      if (c === 10 || c === 13) break;
      end++;
    }
    return end;
  }

  /** The text of the line holding `offset`, without its line end. */
  lineAt(offset: number): string {
    return this.text.slice(this.lineStart(offset), this.lineEnd(offset));
  }

  /**
   * The nearest offset to `offset` that a finding may point at: a character of the text that is
   * not a line end. Past the end of a line (or of the text) it moves back to the line's last
   * character; an empty line keeps its start (column 1); an empty text gives 0.
   */
  inside(offset: number): number {
    const text = this.text;
    if (text.length === 0) return 0;
    const o = Math.max(0, Math.min(offset, text.length - 1));
    const c = text.charCodeAt(o);
    if (c !== 10 && c !== 13) return o;
    const start = this.lineStart(o);
    const end = this.lineEnd(start);
    return end > start ? end - 1 : start;
  }

  /**
   * The range from `start` to just before `end`, both kept inside the text (see `inside`): a
   * finding never points past the end of a line or of the file. An empty span is one character.
   */
  range(start: number, end = start + 1): Range {
    const a = this.inside(start);
    const b = Math.max(a, this.inside(Math.max(start, end - 1)));
    const p = this.position(a);
    const q = this.position(b);
    return { line: p.line, column: p.column, endLine: q.line, endColumn: q.column };
  }
}
