/** RFC 6901 JSON Pointers. */
import { detach } from '../text/detach.js';

export function escapeToken(token: string): string {
  return token.includes('~') || token.includes('/') ? token.replace(/~/g, '~0').replace(/\//g, '~1') : token;
}

export function unescapeToken(token: string): string {
  return token.includes('~') ? token.replace(/~1/g, '/').replace(/~0/g, '~') : token;
}

export function joinPointer(base: string, ...tokens: ReadonlyArray<string | number>): string {
  let out = base;
  for (const t of tokens) out += '/' + escapeToken(String(t));
  return out;
}

/** The tokens of a pointer; memoized (the same pointers recur in every document). Treat the result as read-only. */
export function splitPointer(pointer: string): readonly string[] {
  if (pointer === '') return NO_TOKENS;
  const known = split.get(pointer);
  if (known) return known;
  // kept by a copy: a pointer is made of a manifest's keys, and the memo outlives it (text/detach.ts)
  const key = detach(pointer);
  const tokens = Object.freeze(key.slice(1).split('/').map(unescapeToken));
  if (split.size >= 4096) split.clear();
  split.set(key, tokens);
  return tokens;
}

const NO_TOKENS: readonly string[] = Object.freeze([]);
const split = new Map<string, readonly string[]>();

/** The value at `pointer` in `data`, or undefined. */
export function getAt(data: unknown, pointer: string): unknown {
  let cur: unknown = data;
  for (const token of splitPointer(pointer)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (!Object.hasOwn(cur, token)) return undefined;
    cur = (cur as Record<string, unknown>)[token];
  }
  return cur;
}
