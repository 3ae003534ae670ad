import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VERSION_MAX_LENGTH, VERSION_PART_MAX } from './limits.js';
import { ALL_CODES } from './test-utils/codes.js';

const grammar = readFileSync(new URL('./grammar.md', import.meta.url), 'utf8');

describe('grammar.md', () => {
  it('states the limits the parser uses', () => {
    expect(grammar).toContain(`at most ${VERSION_MAX_LENGTH} characters`);
    expect(grammar).toContain(`from 0 to ${VERSION_PART_MAX}`);
  });

  it.each(ALL_CODES)('documents the error code %s', (code) => {
    expect(grammar).toContain(`| \`${code}\``);
  });
});
