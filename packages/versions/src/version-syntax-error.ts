/**
 * Why a text is not a version. See grammar.md for when each code applies and where its
 * column points.
 */
export type VersionSyntaxErrorCode =
  | 'not-a-string'
  | 'empty'
  | 'too-long'
  | 'unexpected-character'
  | 'leading-zero'
  | 'out-of-range'
  | 'missing-part'
  | 'trailing-dot'
  | 'too-many-parts';

export interface VersionSyntaxError {
  readonly code: VersionSyntaxErrorCode;
  /**
   * 1-based column (UTF-16 code units) into the original text, leading whitespace
   * included, of the first bad character; the column just past the last character
   * when the problem is that the text ends too soon.
   */
  readonly column: number;
  /** What would have been fine at `column`, e.g. `a digit`, `a "." or the end`. */
  readonly expected: string;
  /** What is at `column`: the character quoted (`"x"`), or `the end`. */
  readonly found: string;
  /** A full sentence starting `column N: `. */
  readonly message: string;
}
