import { describe, expect, it } from 'vitest';
import { escapeControls } from './escape.js';

describe('escapeControls', () => {
  it.each([
    ['a\nb', 'a\\u000ab'],
    ['a\rb', 'a\\u000db'],
    ['\u001b[31mred', '\\u001b[31mred'],
    ['next\u0085line', 'next\\u0085line'],
    ['csi\u009b2J', 'csi\\u009b2J'],
    ['osc\u009dx', 'osc\\u009dx'],
    ['line\u2028sep', 'line\\u2028sep'],
    ['evil\u202etxt.yaml', 'evil\\u202etxt.yaml'],
    ['del\u007f', 'del\\u007f'],
  ])('escapes %j', (input, output) => {
    expect(escapeControls(input)).toBe(output);
  });

  it('keeps tabs, printable text and other scripts', () => {
    expect(escapeControls('a\tb Å ø İ 日本')).toBe('a\tb Å ø İ 日本');
  });
});
