/**
 * Where a line's comment starts, found by a scan rather than a pattern (`/[ \t]+#.*$/` backtracks
 * quadratically over a long run of tabs or spaces): YAML starts a comment at a `#` that begins the
 * line or follows a space or a tab.
 */

/** Index of the space or tab just before the line's comment `#`, or -1 when the line has none after its start. */
export function commentStart(line: string): number {
  for (let i = line.indexOf('#', 1); i !== -1; i = line.indexOf('#', i + 1)) {
    const c = line.charCodeAt(i - 1);
    if (c === 32 || c === 9) return i - 1;
  }
  return -1;
}

/** The line without its comment and the blanks before it (a `#` at the very start is left to the caller). */
export function stripComment(line: string): string {
  let end = commentStart(line);
  if (end === -1) return line;
  while (end > 0 && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end--;
  return line.slice(0, end);
}

/** The text without the blanks (spaces, tabs, carriage returns) at its end. */
export function trimEndBlanks(text: string): string {
  let end = text.length;
  while (end > 0) {
    const c = text.charCodeAt(end - 1);
    if (c !== 32 && c !== 9 && c !== 13) break;
    end--;
  }
  return text.slice(0, end);
}
