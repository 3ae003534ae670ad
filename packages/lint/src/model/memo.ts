import { detach } from '../text/detach.js';

/**
 * Caches a pure function of one string. A fleet repeats the same Token URLs, scopes and
 * versions thousands of times, and several rules read each of them: analyse each once.
 * Bounded: the cache starts over when full. Results must be treated as read-only.
 */
export function memoize<R>(fn: (text: string) => R, max = 4096): (text: string) => R {
  let cache = new Map<string, R>();
  return (text: string): R => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as R;
    // the key (and what is computed from it) kept by a copy: the text is a piece of a manifest, and the
    // memo outlives it (text/detach.ts)
    const key = detach(text);
    const value = fn(key);
    if (cache.size >= max) cache = new Map();
    cache.set(key, value);
    return value;
  };
}
