import type { LineEdit } from './line-edit.js';
import { span, type Span } from './line.js';

/** The character a secret is masked with, one per character typed. */
export const MASK_CHAR = '•';

/**
 * The spans of an input `columns` wide: the part of the text around the cursor, the cursor in
 * reverse video when focused, a secret masked, a placeholder when empty and not focused.
 */
export function inputSpans(edit: LineEdit, columns: number, options: { focused: boolean; mask?: boolean; placeholder?: string }): Span[] {
  const chars = [...edit.value].map((c) => (options.mask ? MASK_CHAR : c));
  const room = Math.max(1, columns - 1);
  if (chars.length === 0 && !options.focused && options.placeholder) return [span(options.placeholder.slice(0, room), { tone: 'muted' })];
  const cursor = Math.min(edit.cursor, chars.length);
  // the window of text shown keeps the cursor visible
  const start = cursor < room ? 0 : cursor - room + 1;
  const shown = chars.slice(start, start + room);
  if (!options.focused) {
    const text = chars.length > room ? `${chars.slice(0, room - 1).join('')}…` : chars.join('');
    return [span(text)];
  }
  const at = cursor - start;
  const before = shown.slice(0, at).join('');
  const under = shown[at] ?? ' ';
  const after = shown.slice(at + 1).join('');
  return [span(start > 0 ? `…${before.slice(1)}` : before), span(under, { inverse: true }), span(after)];
}
