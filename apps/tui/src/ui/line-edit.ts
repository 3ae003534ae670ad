/** A one-line text being edited: the pure reducer behind every text input of the app. */
export interface LineEdit {
  readonly value: string;
  /** Cursor position in code points, from 0 to the length. */
  readonly cursor: number;
}

export interface EditKey {
  readonly leftArrow?: boolean;
  readonly rightArrow?: boolean;
  readonly backspace?: boolean;
  readonly delete?: boolean;
  readonly home?: boolean;
  readonly end?: boolean;
  readonly ctrl?: boolean;
  readonly meta?: boolean;
  readonly tab?: boolean;
  readonly return?: boolean;
  readonly escape?: boolean;
  readonly upArrow?: boolean;
  readonly downArrow?: boolean;
  readonly pageUp?: boolean;
  readonly pageDown?: boolean;
}

/** The longest text an input takes: more is a paste gone wrong, not a field. */
export const MAX_INPUT = 2048;

export function atEnd(value: string): LineEdit {
  return { value, cursor: [...value].length };
}

/** Characters a terminal sends that are not text: control characters and escape sequences. */
function printable(input: string): string {
  // a paste may bring a line break at its end: a field is one line
  return [...input].filter((c) => c >= ' ' && c !== '\u007f' && !(c >= '\u0080' && c <= '\u009f')).join('');
}

/**
 * The edit a key makes, or undefined when the key is not an editing key (the screen handles it:
 * arrows up and down, Enter, Tab, Esc). Ctrl+A / Ctrl+E go to the start / end, Ctrl+U clears
 * before the cursor, Ctrl+K after it.
 */
export function editLine(state: LineEdit, input: string, key: EditKey): LineEdit | undefined {
  const chars = [...state.value];
  const at = Math.min(Math.max(0, state.cursor), chars.length);
  if (key.return || key.tab || key.escape || key.upArrow || key.downArrow || key.pageUp || key.pageDown) return undefined;
  if (key.leftArrow) return { value: state.value, cursor: Math.max(0, at - 1) };
  if (key.rightArrow) return { value: state.value, cursor: Math.min(chars.length, at + 1) };
  if (key.home || (key.ctrl && input === 'a')) return { value: state.value, cursor: 0 };
  if (key.end || (key.ctrl && input === 'e')) return { value: state.value, cursor: chars.length };
  if (key.ctrl && input === 'u') return { value: chars.slice(at).join(''), cursor: 0 };
  if (key.ctrl && input === 'k') return { value: chars.slice(0, at).join(''), cursor: at };
  // terminals send DEL (0x7f) for the Backspace key; Ink reports it as `delete`
  if (key.backspace || key.delete) {
    if (at === 0) return state;
    return { value: [...chars.slice(0, at - 1), ...chars.slice(at)].join(''), cursor: at - 1 };
  }
  if (key.ctrl || key.meta) return undefined;
  const text = printable(input);
  if (text === '') return undefined;
  const added = [...text];
  const room = MAX_INPUT - chars.length;
  if (room <= 0) return state;
  const kept = added.slice(0, room);
  return { value: [...chars.slice(0, at), ...kept, ...chars.slice(at)].join(''), cursor: at + kept.length };
}
