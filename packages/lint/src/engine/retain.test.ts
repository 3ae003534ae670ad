/**
 * Results outlive their documents: a finding, the installation name or a memo must not keep a
 * manifest's text alive (V8 keeps a substring as a view of the whole input; see text/detach.ts). A fleet
 * of 300 files of 3 MB peaked above a gigabyte because each result kept its file's text.
 */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../linter.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const VESSEL = readFileSync(new URL('../../../../examples/fleet/nordic-star.yaml', import.meta.url), 'utf8');
const heap = (): number => {
  gc();
  return process.memoryUsage().heapUsed;
};

describe('results keep no text of their manifests', () => {
  it('ten manifests of 3 MB linted, their results kept: the heap holds the results, not 30 MB of text', () => {
    const linter = createLinter({ now: '2026-11-29' });
    const notes = `notes:\n${Array.from({ length: 60_000 }, (_v, i) => `  - item number ${i} of the long list of notes`).join('\n')}\n`;
    const kept: unknown[] = [];
    const before = heap();
    for (let i = 0; i < 10; i++) {
      // each text made anew (as each file is read anew), with a finding that quotes a value and an installation name
      const text = `${VESSEL.replace('MV Nordic Star', `MV Nordic Star ${i}`).replace('timeoutSeconds: 100', 'timeoutSeconds: 5')}${notes}`;
      expect(text.length).toBeGreaterThan(2_800_000);
      kept.push(linter.lintText(text, { filePath: `m${i}.yaml` }));
    }
    const grown = heap() - before;
    expect(kept).toHaveLength(10);
    expect(grown).toBeLessThan(8 * 1024 * 1024);
  });
});
