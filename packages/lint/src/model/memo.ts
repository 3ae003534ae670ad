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
    const value = fn(text);
    if (cache.size >= max) cache = new Map();
    cache.set(text, value);
    return value;
  };
}
