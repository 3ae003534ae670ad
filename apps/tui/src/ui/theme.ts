import type { Severity } from '@tmcheck/lint';
import type { Tone } from './line.js';

/** Colour is on for a terminal unless NO_COLOR is set (https://no-color.org); FORCE_COLOR=0 turns it off too. */
export function colorWanted(env: Readonly<Record<string, string | undefined>>): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  const force = env['FORCE_COLOR'];
  return !(force === '0' || force === 'false');
}

/** The Ink colour of each tone. */
export const TONE_COLOR: Readonly<Record<Tone, string>> = {
  error: 'red',
  warning: 'yellow',
  info: 'blue',
  ok: 'green',
  accent: 'cyan',
  muted: 'gray',
};

/** Severity in a symbol and a word, so that it reads the same without colour. */
export const SEVERITY_MARK: Readonly<Record<Severity, { readonly symbol: string; readonly word: string; readonly tone: Tone }>> = {
  error: { symbol: '✖', word: 'error', tone: 'error' },
  warning: { symbol: '⚠', word: 'warning', tone: 'warning' },
  info: { symbol: 'ℹ', word: 'info', tone: 'info' },
};

export const OK_SYMBOL = '✔';
/** The marker of the selected row or field (beside reverse video, which is not enough alone). */
export const POINTER = '›';
