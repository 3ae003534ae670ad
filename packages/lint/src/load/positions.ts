import type { Range } from '../finding.js';
import { splitPointer } from './pointer.js';
import type { LineIndex } from './line-index.js';

/**
 * Records js-yaml's `listener` events while a document loads, cheaply (three
 * array pushes an event), and turns them into a map from JSON Pointer to the
 * offsets of the key and the value only when a finding first asks for one.
 */
interface State {
  readonly position: number;
  readonly kind: string | null;
  readonly result: unknown;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

interface Entry {
  readonly key?: Span;
  readonly value: Span;
  readonly collection: boolean;
}

export class PositionRecorder {
  readonly opens: boolean[] = [];
  readonly offsets: number[] = [];
  readonly results: unknown[] = [];

  readonly listener = (type: 'open' | 'close', state: State): void => {
    this.opens.push(type === 'open');
    this.offsets.push(state.position);
    this.results.push(type === 'close' ? state.result : undefined);
  };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Where a node really starts: past white space and comments. */
function startOf(text: string, offset: number, limit: number): number {
  let i = offset;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) i++;
    else if (c === 35 /* # */) {
      const nl = text.indexOf('\n', i);
      i = nl === -1 ? limit : nl + 1;
    } else break;
  }
  return i;
}

/** Where a node really ends: before trailing white space. */
function endOf(text: string, offset: number, floor: number): number {
  let i = offset;
  while (i > floor && isSpace(text.charCodeAt(i - 1))) i--;
  return i;
}

/**
 * Finds the offsets of a field from the recorded events, walking down only the path
 * a finding asks for: a correct manifest never pays for it.
 */
export class PositionMap {
  #close: Int32Array | undefined;

  constructor(
    private readonly recorder: PositionRecorder,
    private readonly text: string,
    /** Offset of the parsed chunk in the whole file text. */
    private readonly base: number,
    private readonly lines: LineIndex,
  ) {}

  /** For each open event, the index of its close event. */
  #closes(): Int32Array {
    if (this.#close) return this.#close;
    const { opens } = this.recorder;
    const close = new Int32Array(opens.length).fill(-1);
    const stack: number[] = [];
    for (let i = 0; i < opens.length; i++) {
      if (opens[i]) stack.push(i);
      else {
        const open = stack.pop();
        if (open !== undefined) close[open] = i;
      }
    }
    this.#close = close;
    return close;
  }

  #result(node: number): unknown {
    const close = this.#closes()[node] as number;
    return close === -1 ? undefined : this.recorder.results[close];
  }

  #children(node: number): number[] {
    const close = this.#closes();
    const end = close[node] as number;
    const out: number[] = [];
    for (let j = node + 1; j < end && j !== -1; ) {
      if (this.recorder.opens[j]) {
        out.push(j);
        const c = close[j] as number;
        if (c === -1) break;
        j = c + 1;
      } else j++;
    }
    return out;
  }

  /** A wrapper node (js-yaml tries a mapping key and keeps the scalar) holds one child with the same result. */
  #unwrap(node: number): number {
    let cur = node;
    for (;;) {
      const kids = this.#children(cur);
      if (kids.length !== 1 || !Object.is(this.#result(kids[0] as number), this.#result(cur))) return cur;
      cur = kids[0] as number;
    }
  }

  #span(node: number): Span {
    const text = this.text;
    const open = this.recorder.offsets[node] as number;
    const closeIndex = this.#closes()[node] as number;
    const closeAt = closeIndex === -1 ? open : (this.recorder.offsets[closeIndex] as number);
    const start = startOf(text, open, Math.max(closeAt, open));
    const end = endOf(text, closeAt, start);
    return { start: start + this.base, end: end + this.base };
  }

  /** The entries along the pointer's path, as far as the file has them. */
  #path(tokens: readonly string[]): Entry[] {
    if (this.recorder.opens.length === 0 || !this.recorder.opens[0]) return [];
    let node = this.#unwrap(0);
    const isCollection = (n: number): boolean => {
      const r = this.#result(n);
      return r !== null && typeof r === 'object';
    };
    const entries: Entry[] = [{ value: this.#span(node), collection: isCollection(node) }];
    for (const token of tokens) {
      const result = this.#result(node);
      if (result === null || typeof result !== 'object') break;
      const kids = this.#children(node).map((k) => this.#unwrap(k));
      let next: Entry | undefined;
      let nextNode = -1;
      if (Array.isArray(result)) {
        const index = /^(?:0|[1-9]\d*)$/.test(token) ? Number(token) : -1;
        if (kids.length !== result.length || index < 0 || index >= kids.length) break;
        nextNode = kids[index] as number;
        next = { value: this.#span(nextNode), collection: isCollection(nextNode) };
      } else {
        if (kids.length % 2 !== 0) break;
        for (let i = 0; i < kids.length; i += 2) {
          if (String(this.#result(kids[i] as number)) !== token) continue;
          nextNode = kids[i + 1] as number;
          next = { key: this.#span(kids[i] as number), value: this.#span(nextNode), collection: isCollection(nextNode) };
          break;
        }
      }
      if (!next) break;
      entries.push(next);
      node = nextNode;
    }
    return entries;
  }

  #range(start: number, end: number): Range {
    const a = this.lines.position(start);
    const b = this.lines.position(Math.max(start, end - 1));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  /** Whether the pointer names a node that is written in the file. */
  has(pointer: string): boolean {
    const tokens = splitPointer(pointer);
    return this.#path(tokens).length === tokens.length + 1;
  }

  /**
   * The range of the field at `pointer`: its value when it is a scalar, its
   * key when it is a collection or empty; for a field that does not exist,
   * the key of the nearest ancestor that does (where it would be added).
   * With `target: 'key'`, the key of an existing field (an unknown property, say).
   */
  locate(pointer: string, target: 'value' | 'key' = 'value'): Range {
    const tokens = splitPointer(pointer);
    const path = this.#path(tokens);
    const entry = path[path.length - 1];
    if (!entry) return { line: 1, column: 1, endLine: 1, endColumn: 1 };
    const exact = path.length === tokens.length + 1;
    const value = entry.value;
    if (exact && target === 'key' && entry.key) return this.#range(entry.key.start, entry.key.end);
    if (exact && value.end > value.start && !entry.collection) return this.#range(value.start, value.end);
    if (entry.key) return this.#range(entry.key.start, entry.key.end);
    const lineEnd = this.lines.lineEnd(value.start);
    return this.#range(value.start, Math.max(value.start + 1, lineEnd));
  }
}
