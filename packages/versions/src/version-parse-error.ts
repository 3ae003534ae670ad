import type { VersionSyntaxError, VersionSyntaxErrorCode } from './version-syntax-error.js';

/** Thrown by `parseOrThrow`; carries the fields of the {@link VersionSyntaxError}. */
export class VersionParseError extends Error {
  override readonly name = 'VersionParseError';
  readonly code: VersionSyntaxErrorCode;
  readonly column: number;
  readonly expected: string;
  readonly found: string;
  /** The syntax error as `parse` returned it. */
  readonly syntaxError: VersionSyntaxError;

  constructor(error: VersionSyntaxError) {
    super(error.message);
    this.code = error.code;
    this.column = error.column;
    this.expected = error.expected;
    this.found = error.found;
    this.syntaxError = error;
  }
}
