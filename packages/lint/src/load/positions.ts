import type { Range } from '../finding.js';
import { splitPointer } from './pointer.js';
import type { LineIndex } from './line-index.js';

/**
 * Records js-yaml's `listener` events while a document loads, cheaply (three
 * array pushes an event), and turns them into a map from JSON Pointer to the
 * offsets of the key and the value only when a finding first asks for one.
 *
 * Anchors, aliases and merge keys (`<<: *defaults`, `<<: [*a, *b]`) are followed
 * to where each value is written: a value reached through an alias is in the
 * anchored node; a merged value is in the mapping it is merged from, unless the
 * mapping writes the key itself (explicit keys win, as in YAML 1.1).
 */
interface State {
  readonly position: number;
  readonly kind: string | null;
  readonly tag: string | null;
  readonly anchor: string | null;
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

const MERGE_TAG = 'tag:yaml.org,2002:merge';

export class PositionRecorder {
  readonly opens: boolean[] = [];
  readonly offsets: number[] = [];
  readonly results: unknown[] = [];
  /** Close events of merge keys (a plain `<<`). */
  readonly mergeKeys: number[] = [];
  /** For each anchor name, the close events of the nodes that carry it, in order. */
  readonly anchors = new Map<string, number[]>();
  /** Close events of empty nodes with an anchor (`password: &Sommer2024`: the value is lost). */
  readonly emptyAnchors: number[] = [];
  /** Close events of single values with an anchor (`password: &Sommer 2024` reads "2024"). */
  readonly scalarAnchors: number[] = [];

  readonly listener = (type: 'open' | 'close', state: State): void => {
    const event = this.opens.length;
    this.opens.push(type === 'open');
    this.offsets.push(state.position);
    if (type === 'open') {
      this.results.push(undefined);
      return;
    }
    this.results.push(state.result);
    if (state.tag === MERGE_TAG) this.mergeKeys.push(event);
    if (state.anchor !== null) {
      const list = this.anchors.get(state.anchor);
      if (list) list.push(event);
      else this.anchors.set(state.anchor, [event]);
      if (state.result === null && state.kind === null) this.emptyAnchors.push(event);
      else if (state.kind === 'scalar') this.scalarAnchors.push(event);
    }
  };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Characters that end an anchor or alias name: white space and the flow indicators , [ ] { }. */
function endsName(c: number): boolean {
  return Number.isNaN(c) || isSpace(c) || c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
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

/** Index of the last element of a sorted list below `limit`, or -1. */
function lastBelow(list: readonly number[], limit: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as number) < limit) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Finds the offsets of a field from the recorded events, walking down only the path
 * a finding asks for: a correct manifest never pays for it.
 */
export class PositionMap {
  #close: Int32Array | undefined;
  #openOf: Int32Array | undefined;
  #merges: Set<number> | undefined;
  /** Memos: each node's children, each node unwrapped, each mapping's keys. Every finding asks again: each is built once. */
  readonly #kids = new Map<number, number[]>();
  readonly #unwrapped = new Map<number, number>();
  readonly #keys = new Map<number, { readonly own: Map<string, { key: number; value: number }>; readonly merged: readonly number[] }>();

  constructor(
    private readonly recorder: PositionRecorder,
    private readonly text: string,
    /** Offset of the parsed chunk in the whole file text. */
    private readonly base: number,
    private readonly lines: LineIndex,
  ) {}

  /** For each open event, the index of its close event (-1 when the load stopped inside it). */
  #closes(): Int32Array {
    if (this.#close) return this.#close;
    const { opens } = this.recorder;
    const close = new Int32Array(opens.length).fill(-1);
    const openOf = new Int32Array(opens.length).fill(-1);
    const stack: number[] = [];
    for (let i = 0; i < opens.length; i++) {
      if (opens[i]) stack.push(i);
      else {
        const open = stack.pop();
        if (open !== undefined) {
          close[open] = i;
          openOf[i] = open;
        }
      }
    }
    this.#close = close;
    this.#openOf = openOf;
    return close;
  }

  #open(closeEvent: number): number {
    this.#closes();
    return (this.#openOf as Int32Array)[closeEvent] as number;
  }

  #result(node: number): unknown {
    const close = this.#closes()[node] as number;
    return close === -1 ? undefined : this.recorder.results[close];
  }

  #children(node: number): number[] {
    const known = this.#kids.get(node);
    if (known) return known;
    const out = this.#scanChildren(node);
    this.#kids.set(node, out);
    return out;
  }

  #scanChildren(node: number): number[] {
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
    const known = this.#unwrapped.get(node);
    if (known !== undefined) return known;
    let cur = node;
    for (;;) {
      const kids = this.#children(cur);
      if (kids.length !== 1 || !Object.is(this.#result(kids[0] as number), this.#result(cur))) break;
      cur = kids[0] as number;
    }
    this.#unwrapped.set(node, cur);
    return cur;
  }

  /** A mapping's own keys (first written wins, as js-yaml reads it) and its merge sources, built once. */
  #keysOf(node: number): { readonly own: Map<string, { key: number; value: number }>; readonly merged: readonly number[] } | undefined {
    const known = this.#keys.get(node);
    if (known) return known;
    const kids = this.#children(node).map((k) => this.#unwrap(k));
    if (kids.length % 2 !== 0) return undefined;
    const own = new Map<string, { key: number; value: number }>();
    const merged: number[] = [];
    for (let i = 0; i < kids.length; i += 2) {
      const key = kids[i] as number;
      const value = kids[i + 1] as number;
      if (this.#isMergeKey(key)) merged.push(value);
      else {
        const name = String(this.#result(key));
        if (!own.has(name)) own.set(name, { key, value });
      }
    }
    const entry = { own, merged };
    this.#keys.set(node, entry);
    return entry;
  }

  /** Offset of a node's first character in the chunk (past white space and comments). */
  #startIn(node: number): number {
    const open = this.recorder.offsets[node] as number;
    const closeIndex = this.#closes()[node] as number;
    const closeAt = closeIndex === -1 ? this.text.length : (this.recorder.offsets[closeIndex] as number);
    return startOf(this.text, open, Math.max(closeAt, open));
  }

  #span(node: number): Span {
    const open = this.recorder.offsets[node] as number;
    const closeIndex = this.#closes()[node] as number;
    const closeAt = closeIndex === -1 ? open : (this.recorder.offsets[closeIndex] as number);
    let start = startOf(this.text, open, Math.max(closeAt, open));
    const end = endOf(this.text, closeAt, start);
    // a value starts after its anchor and tag (`&one 1`, `!!str 5`): point at what it is
    for (let s = start; s < end; ) {
      const c = this.text.charCodeAt(s);
      if (c !== 38 /* & */ && c !== 33 /* ! */) {
        start = s;
        break;
      }
      while (s < end && !endsName(this.text.charCodeAt(s))) s++;
      s = startOf(this.text, s, end);
    }
    return { start: start + this.base, end: end + this.base };
  }

  #isMergeKey(node: number): boolean {
    this.#merges ??= new Set(this.recorder.mergeKeys);
    return this.#merges.has(this.#closes()[node] as number);
  }

  /** The node an alias refers to (the last node anchored with its name before it), or the node itself. */
  #target(node: number): number {
    const n = this.#unwrap(node);
    if (this.#children(n).length !== 0) return n;
    const start = this.#startIn(n);
    if (this.text.charCodeAt(start) !== 42 /* * */) return n;
    let end = start + 1;
    while (end < this.text.length && !endsName(this.text.charCodeAt(end))) end++;
    const closes = this.recorder.anchors.get(this.text.slice(start + 1, end));
    if (!closes) return n;
    const i = lastBelow(closes, n);
    if (i === -1) return n;
    const definition = this.#open(closes[i] as number);
    return definition === -1 ? n : this.#unwrap(definition);
  }

  #isCollection(node: number): boolean {
    const r = this.#result(node);
    return r !== null && typeof r === 'object';
  }

  /**
   * The key and value nodes of `token` in the mapping `node`: its own key, else the first merged
   * mapping that has it (depth first, in the order they are listed). Iterative: a long chain of
   * merges cannot overflow the stack.
   */
  #lookup(node: number, token: string): { key: number; value: number } | undefined {
    const stack = [node];
    const seen = new Set<number>();
    while (stack.length > 0) {
      const current = stack.pop() as number;
      if (seen.has(current)) continue;
      seen.add(current);
      const result = this.#result(current);
      if (result === null || typeof result !== 'object' || Array.isArray(result)) continue;
      const keys = this.#keysOf(current);
      if (!keys) continue;
      const own = keys.own.get(token);
      if (own) return own;
      const sources: number[] = [];
      for (const m of keys.merged) {
        const target = this.#target(m);
        if (Array.isArray(this.#result(target))) for (const item of this.#children(target)) sources.push(this.#target(item));
        else sources.push(target);
      }
      for (let i = sources.length - 1; i >= 0; i--) stack.push(sources[i] as number);
    }
    return undefined;
  }

  /** The entries along the pointer's path, as far as the file has them. */
  #path(tokens: readonly string[]): Entry[] {
    if (this.recorder.opens.length === 0 || !this.recorder.opens[0]) return [];
    let node = this.#target(0);
    const entries: Entry[] = [{ value: this.#span(node), collection: this.#isCollection(node) }];
    for (const token of tokens) {
      const result = this.#result(node);
      if (result === null || typeof result !== 'object') break;
      let next: Entry | undefined;
      let nextNode = -1;
      if (Array.isArray(result)) {
        const kids = this.#children(node);
        const index = /^(?:0|[1-9]\d*)$/.test(token) ? Number(token) : -1;
        if (kids.length !== result.length || index < 0 || index >= kids.length) break;
        nextNode = this.#target(kids[index] as number);
        next = { value: this.#span(nextNode), collection: this.#isCollection(nextNode) };
      } else {
        const found = this.#lookup(node, token);
        if (found) {
          nextNode = this.#target(found.value);
          next = { key: this.#span(found.key), value: this.#span(nextNode), collection: this.#isCollection(nextNode) };
        }
      }
      if (!next) break;
      entries.push(next);
      node = nextNode;
    }
    return entries;
  }

  #range(start: number, end: number): Range {
    return this.lines.range(start, end);
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
    if (!entry) return this.#range(this.base, this.base + 1);
    const exact = path.length === tokens.length + 1;
    const value = entry.value;
    if (exact && target === 'key' && entry.key) return this.#range(entry.key.start, entry.key.end);
    if (exact && value.end > value.start && !entry.collection) return this.#range(value.start, value.end);
    if (entry.key) return this.#range(entry.key.start, entry.key.end);
    return this.#range(value.start, Math.max(value.start + 1, this.lines.lineEnd(value.start)));
  }

  /** Offset in the file of the document's first character (past comments and the `---` marker). */
  documentStart(): number {
    if (this.recorder.opens.length === 0) return this.base;
    return this.#startIn(0) + this.base;
  }

  /**
   * Where the node being read when the load stopped starts, in the file (the innermost node
   * opened and not closed): the quote that is never closed, the tag or alias that cannot be read.
   */
  openNodeStart(): number | undefined {
    const close = this.#closes();
    for (let i = close.length - 1; i >= 0; i--) {
      if (this.recorder.opens[i] && close[i] === -1) return this.#startIn(i) + this.base;
    }
    return undefined;
  }

  /** Where the last merge key read (`<<`) starts, in the file. */
  lastMergeKeyStart(): number | undefined {
    const last = this.recorder.mergeKeys[this.recorder.mergeKeys.length - 1];
    if (last === undefined) return undefined;
    const open = this.#open(last);
    return open === -1 ? undefined : this.#startIn(open) + this.base;
  }

  /**
   * Where a quoted value starts that runs over several lines and ends on the line where the load
   * stopped (`kind: "office` closed only by the first quote of a later line): the quote that is
   * really not closed. Offsets in the file.
   */
  runawayQuote(stopped: number): number | undefined {
    const { opens, offsets } = this.recorder;
    const close = this.#closes();
    const stoppedLine = this.lines.position(stopped).line;
    const lineStart = this.lines.lineStart(stopped) - this.base;
    for (let i = opens.length - 1; i >= 0; i--) {
      if (opens[i]) continue;
      const end = offsets[i] as number;
      if (end < lineStart) break;
      const open = this.#open(i);
      if (open === -1 || close[open] !== i) continue;
      const start = this.#startIn(open);
      const quote = this.text.charCodeAt(start);
      if (quote !== 34 && quote !== 39) continue;
      const body = this.text.slice(start, end);
      if (!/[\n\r]/.test(body)) continue;
      const last = endOf(this.text, end, start) - 1;
      if (last <= start || this.text.charCodeAt(last) !== quote || this.lines.position(last + this.base).line !== stoppedLine) continue;
      // the quote that closed it opens the value of a later key (`  version: "2.665...`)
      const lead = this.text.slice(this.lines.lineStart(last + this.base) - this.base, last);
      if (/^[ \t]*(?:-[ \t]+)?(?:[^\s:#"'][^:#]*:[ \t]+)?$/.test(lead)) return start + this.base;
    }
    return undefined;
  }

  /**
   * The first anchor on a single value that no alias uses (`password: &Sommer 2024`, read as "2024"):
   * the anchor is most likely the start of the value. Offsets in the file, from `&` to the end of the name.
   */
  firstUnusedScalarAnchor(): Span | undefined {
    if (this.recorder.scalarAnchors.length === 0) return undefined;
    const used = new Set<string>();
    for (const m of this.text.matchAll(/\*([^\s,[\]{}]+)/g)) used.add(m[1] as string);
    for (const event of this.recorder.scalarAnchors) {
      const open = this.#open(event);
      if (open === -1) continue;
      const start = this.#startIn(open);
      if (this.text.charCodeAt(start) !== 38 /* & */) continue;
      let end = start + 1;
      while (end < this.text.length && !endsName(this.text.charCodeAt(end))) end++;
      if (!used.has(this.text.slice(start + 1, end))) return { start: start + this.base, end: end + this.base };
    }
    return undefined;
  }

  /** The first anchor on an empty value (`password: &Sommer2024`), from `&` to the end of its name, in the file. */
  firstEmptyAnchor(): Span | undefined {
    const event = this.recorder.emptyAnchors[0];
    if (event === undefined) return undefined;
    const open = this.#open(event);
    if (open === -1) return undefined;
    const start = this.#startIn(open);
    let end = start + 1;
    while (end < this.text.length && !endsName(this.text.charCodeAt(end))) end++;
    return { start: start + this.base, end: end + this.base };
  }
}
