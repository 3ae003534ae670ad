/** Maps string offsets to 1-based lines and columns; built on first use. */
export class LineIndex {
  #starts: number[] | undefined;

  constructor(private readonly text: string) {}

  #lineStarts(): number[] {
    if (this.#starts) return this.#starts;
    const starts = [0];
    const text = this.text;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
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

  /** Offset just before the line end of the line holding `offset`. */
  lineEnd(offset: number): number {
    let end = this.text.indexOf('\n', offset);
    if (end === -1) end = this.text.length;
    if (end > offset && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}
