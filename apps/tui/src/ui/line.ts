/**
 * What every screen draws: lines of styled spans. A screen's view builds lines (pure, so that the
 * layout at 80x24 can be computed and tested without a terminal); `frame.ts` draws them with Ink.
 */

/** The colours the app uses, each paired with a symbol or a word wherever it carries meaning. */
export type Tone = 'error' | 'warning' | 'info' | 'ok' | 'accent' | 'muted';

export interface Span {
  readonly text: string;
  readonly tone?: Tone;
  readonly bold?: boolean;
  /** Reverse video: the text cursor and the selected row (never the only sign of either). */
  readonly inverse?: boolean;
}

export type Line = readonly Span[];

export function span(text: string, style: Omit<Span, 'text'> = {}): Span {
  return { text, ...style };
}

export function line(...spans: (Span | string)[]): Line {
  return spans.map((s) => (typeof s === 'string' ? { text: s } : s));
}

/** The text of a line, without styles. */
export function plain(l: Line): string {
  return l.map((s) => s.text).join('');
}

/** The width of a text in terminal columns: one per code point (the app writes no wide characters of its own). */
export function width(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** The first `max` columns of a text, with an ellipsis when it was cut. */
export function truncate(text: string, max: number): string {
  if (max <= 0) return '';
  const chars = [...text];
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/**
 * Word-wraps a text to `max` columns; a word longer than a line is cut. Keeps the text's own line
 * breaks. Never returns an empty list.
 */
export function wrap(text: string, max: number): string[] {
  const out: string[] = [];
  const limit = Math.max(1, max);
  for (const paragraph of text.split('\n')) {
    let current = '';
    for (const word of paragraph.split(' ')) {
      const candidate = current === '' ? word : `${current} ${word}`;
      if (width(candidate) <= limit) {
        current = candidate;
        continue;
      }
      if (current !== '') out.push(current);
      let rest = [...word];
      while (rest.length > limit) {
        out.push(rest.slice(0, limit).join(''));
        rest = rest.slice(limit);
      }
      current = rest.join('');
    }
    out.push(current);
  }
  return out.length === 0 ? [''] : out;
}

/** Wrapped lines of one tone, each indented. */
export function paragraph(text: string, max: number, indent: number, style: Omit<Span, 'text'> = {}): Line[] {
  const pad = ' '.repeat(indent);
  return wrap(text, max - indent).map((t) => [span(pad), span(t, style)]);
}
