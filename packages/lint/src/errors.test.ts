import { describe, expect, it } from 'vitest';
import { closest } from './errors.js';
import { FIELDS } from '@tmcheck/schemas';

/** The whole table, no early stop: Levenshtein with adjacent transpositions (what closest promises). */
function fullDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_v, i) => Array.from({ length: b.length + 1 }, (_w, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((d[i - 1]?.[j] ?? 0) + 1, (d[i]?.[j - 1] ?? 0) + 1, (d[i - 1]?.[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (d[i - 2]?.[j - 2] ?? 0) + 1);
      (d[i] as number[])[j] = v;
    }
  }
  return d[a.length]?.[b.length] ?? 0;
}

function reference(name: string, candidates: readonly string[], max = 3): string[] {
  const target = name.toLowerCase();
  const scored: Array<[number, string]> = [];
  for (const c of candidates) {
    const d = fullDistance(target, c.toLowerCase());
    const limit = Math.max(2, Math.floor(Math.max(target.length, c.length) / 3));
    if (d <= limit || c.toLowerCase().includes(target) || target.includes(c.toLowerCase())) scored.push([d, c]);
  }
  scored.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
  return scored.slice(0, max).map(([, c]) => c);
}

describe('closest', () => {
  const names = [...new Set(FIELDS.map((f) => f.pointer.slice(f.pointer.lastIndexOf('/') + 1)).filter((k) => k !== '*' && k !== ''))];

  it('suggests what a user meant: misspelt, transposed, in another case, cut short', () => {
    expect(closest('tokenURL', names, 1)).toEqual(['tokenUrl']);
    expect(closest('socpe', names, 1)).toEqual(['scope']);
    expect(closest('clientSecert', names, 1)).toEqual(['clientSecret']);
    expect(closest('timeout', names, 1)).toEqual(['timeoutSeconds']);
    expect(closest('unknownSetting1234', names)).toEqual([]);
  });

  it('answers as the whole distance table does, for every field name against many typed names', () => {
    // each field name mangled every way a hand does it: a letter dropped, doubled, swapped with the next, changed
    let seed = 12345;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (const name of names) {
      for (let k = 0; k < 12; k++) {
        const chars = [...name];
        const at = next(chars.length);
        const edit = next(4);
        if (edit === 0) chars.splice(at, 1);
        else if (edit === 1) chars.splice(at, 0, chars[at] as string);
        else if (edit === 2 && at + 1 < chars.length) [chars[at], chars[at + 1]] = [chars[at + 1] as string, chars[at] as string];
        else chars[at] = String.fromCharCode(97 + next(26));
        const typed = chars.join('');
        expect(closest(typed, names), typed).toEqual(reference(typed, names));
      }
    }
  });
});
