/**
 * Every screen's frame: a title line, the body and the keyboard help, always at the bottom. The
 * body is the screen's lines; the part shown keeps the focused lines in view. Lines never wrap:
 * what is wider than the terminal is cut, so the layout holds at 80x24 and after a resize.
 */
import { Box, Text } from 'ink';
import { createElement as h, useRef, type ReactElement } from 'react';
import type { KeyHelp } from './keys.js';
import { span, truncate, width, type Line, type Span } from './line.js';
import { TONE_COLOR } from './theme.js';

export interface FrameProps {
  readonly title: string;
  /** Right of the title: where the screen is (a file, a step). */
  readonly context?: string;
  readonly body: readonly Line[];
  /** The body lines to keep in view (a field with its hint and findings), from..to inclusive. */
  readonly focus?: { readonly from: number; readonly to: number };
  /** A fixed scroll position instead (a documentation page). */
  readonly offset?: number;
  /** A status line above the keys (what the last action did). */
  readonly status?: Line;
  readonly help: readonly KeyHelp[];
  readonly columns: number;
  readonly rows: number;
  readonly color: boolean;
}

/** The keyboard help as lines of at most `columns`. */
export function helpLines(help: readonly KeyHelp[], columns: number): Line[] {
  const out: Line[] = [];
  let current: Span[] = [];
  let used = 0;
  for (const k of help) {
    const item = [span(k.keys, { bold: true, tone: 'accent' }), span(` ${k.action}`)];
    const size = width(k.keys) + 1 + width(k.action) + (current.length > 0 ? 3 : 0);
    if (current.length > 0 && used + size > columns) {
      out.push(current);
      current = [];
      used = 0;
    }
    if (current.length > 0) {
      current.push(span(' · ', { tone: 'muted' }));
      used += 3;
    } else used = 0;
    current.push(...item);
    used += width(k.keys) + 1 + width(k.action);
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** The first line shown of a body of `total` lines in `room` rows, keeping `focus` in view and moving as little as possible from `previous`. */
export function scrollTop(total: number, room: number, focus: { from: number; to: number } | undefined, previous: number): number {
  const max = Math.max(0, total - room);
  let top = Math.min(Math.max(0, previous), max);
  if (focus) {
    if (focus.to - focus.from + 1 > room) top = focus.from;
    else if (focus.from < top) top = focus.from;
    else if (focus.to >= top + room) top = focus.to - room + 1;
  }
  return Math.min(Math.max(0, top), max);
}

function drawLine(l: Line, columns: number, color: boolean, key: number): ReactElement {
  // cut to the width by hand, so that no line ever wraps
  let room = columns;
  const parts: ReactElement[] = [];
  l.forEach((s, i) => {
    if (room <= 0 || s.text === '') return;
    const text = width(s.text) > room ? truncate(s.text, room) : s.text;
    room -= width(text);
    parts.push(
      h(
        Text,
        {
          key: i,
          ...(color && s.tone ? { color: TONE_COLOR[s.tone] } : {}),
          ...(s.bold ? { bold: true } : {}),
          ...(s.inverse ? { inverse: true } : {}),
        },
        text,
      ),
    );
  });
  if (parts.length === 0) parts.push(h(Text, { key: 0 }, ' '));
  return h(Text, { key, wrap: 'truncate-end' }, ...parts);
}

export function Frame(props: FrameProps): ReactElement {
  const { columns, color } = props;
  // one row is left free: a frame as tall as the terminal would scroll it on every redraw
  const rows = Math.max(6, props.rows - 1);
  const help = helpLines(props.help, columns);
  const status = props.status ? 1 : 0;
  const room = Math.max(1, rows - 2 - help.length - status);
  const previous = useRef(0);
  const top = props.offset !== undefined ? Math.min(Math.max(0, props.offset), Math.max(0, props.body.length - room)) : scrollTop(props.body.length, room, props.focus, previous.current);
  previous.current = top;
  const shown = props.body.slice(top, top + room);
  const more = props.body.length > room;
  const position = more ? ` ${Math.min(props.body.length, top + room)}/${props.body.length}` : '';
  const titleText = ` ${props.title}`;
  const context = props.context ? truncate(props.context, Math.max(0, columns - width(titleText) - width(position) - 3)) : '';
  const header: Line = [
    span(titleText, { bold: true, tone: 'accent' }),
    span(context ? ` · ${context}` : ''),
    span(position ? `${' '.repeat(Math.max(1, columns - width(titleText) - width(context ? ` · ${context}` : '') - width(position)))}${position}` : '', { tone: 'muted' }),
  ];
  const children: ReactElement[] = [drawLine(header, columns, color, 0)];
  shown.forEach((l, i) => children.push(drawLine(l, columns, color, i + 1)));
  for (let i = shown.length; i < room; i++) children.push(drawLine([], columns, color, i + 1));
  children.push(drawLine([span('─'.repeat(columns), { tone: 'muted' })], columns, color, room + 1));
  if (props.status) children.push(drawLine(props.status, columns, color, room + 2));
  help.forEach((l, i) => children.push(drawLine(l, columns, color, room + 3 + i)));
  return h(Box, { flexDirection: 'column', width: columns }, ...children);
}
