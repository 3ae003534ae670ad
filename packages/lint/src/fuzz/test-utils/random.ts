/**
 * A small seeded generator (sfc32, seeded through splitmix32): the same seed gives the same inputs on
 * every machine and every Node version, so that a failure is replayed from its seed and index alone.
 */

/** splitmix32: spreads a seed (and an input's index) over 32 bits. */
export function mix(seed: number, salt = 0): number {
  let z = (seed ^ Math.imul(salt + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

export class Random {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number) {
    this.#a = mix(seed, 1);
    this.#b = mix(seed, 2);
    this.#c = mix(seed, 3);
    this.#d = mix(seed, 4) | 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A number in [0, 1). */
  next(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [lo, hi], inclusive. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  /** An integer in [lo, hi], small ones far more often (log-uniform). */
  size(lo: number, hi: number): number {
    const l = Math.log(Math.max(1, lo));
    const h = Math.log(Math.max(1, hi));
    return Math.min(hi, Math.max(lo, Math.round(Math.exp(l + this.next() * (h - l)))));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('pick from an empty list');
    return list[this.int(list.length)] as T;
  }

  /** An item of a list of [weight, item] pairs. */
  weighted<T>(list: ReadonlyArray<readonly [number, T]>): T {
    let total = 0;
    for (const [w] of list) total += w;
    let r = this.next() * total;
    for (const [w, item] of list) {
      r -= w;
      if (r < 0) return item;
    }
    return (list[list.length - 1] as readonly [number, T])[1];
  }
}
