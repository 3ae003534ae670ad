/**
 * The one escaping of text for output. Every control character, C0 (U+0000-U+001F but tab),
 * DEL, C1 (U+0080-U+009F, where U+0085 is a line break and U+009B a terminal control sequence),
 * the line and paragraph separators, and the bidirectional controls that can make a line read
 * other than it is (U+200E/F, U+202A-U+202E, U+2066-U+2069), is written as \uXXXX: a file name
 * or a value cannot forge a report line or rewrite the terminal.
 */
const CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Whether a text holds a character `escapeControls` would escape. */
export function hasControls(text: string): boolean {
  CONTROLS.lastIndex = 0;
  const found = CONTROLS.test(text);
  CONTROLS.lastIndex = 0;
  return found;
}
