import * as jsYaml from 'js-yaml';
import type { LoadOptions, Type } from 'js-yaml';
import type { MessageData } from '../engine/define-rule.js';
import type { Range } from '../finding.js';
import { ours } from '../secrets/show.js';
import { jsonSyntaxError } from './json-syntax.js';
import { describeEmptyAnchor, describeScalarAnchor, describeYamlError, type LineSplit, type ProblemSite } from './yaml-errors.js';
import { LineIndex } from './line-index.js';
import { PositionMap, PositionRecorder } from './positions.js';

export interface Limits {
  /** Largest file read, in bytes. */
  readonly maxBytes: number;
  /** Most nodes a document may hold once its aliases are expanded. */
  readonly maxExpandedNodes: number;
  /** Deepest nesting accepted. */
  readonly maxDepth: number;
}

export const DEFAULT_LIMITS: Limits = { maxBytes: 4 * 1024 * 1024, maxExpandedNodes: 20_000, maxDepth: 64 };

/** Why a document cannot be read: a message of the `parse` rule, with data that quotes nothing of the file. */
export interface ParseProblem {
  readonly messageId: string;
  readonly data: MessageData;
  readonly range: Range;
}

/** One YAML document of a file: either its data with positions, or why it could not be read. */
export interface ParsedDocument {
  readonly index: number;
  readonly data: unknown;
  readonly problem?: ParseProblem;
  /** The document's text (for secrets to scrub from output when it cannot be read). */
  readonly text: string;
  /** Its first and last line in the file, 1-based (inline exceptions are read from them). */
  readonly firstLine: number;
  readonly lastLine: number;
  /** Range of the field at a JSON Pointer (nearest existing ancestor for a missing one); its key with `target: 'key'`. */
  locate(pointer: string, target?: 'value' | 'key'): Range;
  /** Whether the field at the pointer is written in the file. */
  has(pointer: string): boolean;
}

interface Chunk {
  readonly offset: number;
  readonly text: string;
  /** Started by a `---` marker. */
  readonly explicit: boolean;
}

/**
 * js-yaml's core schema (dates stay text, `2027-06-30` is no Date) with merge keys: `<<: *defaults`
 * and `<<: [*a, *b]` merge, explicit keys win (YAML 1.1, as every mainstream tool reads them).
 * Passing the type as `implicit` matters: `CORE_SCHEMA.extend([merge])` loads `<<` as a plain key.
 */
const MERGE_TYPE = (jsYaml as unknown as { readonly types: { readonly merge: Type } }).types.merge;
const SCHEMA = jsYaml.CORE_SCHEMA.extend({ implicit: [MERGE_TYPE] });

/** A document marker: `---` or `...` at column 1, alone or followed by white space. */
const MARKER = /(?<=^|[\n\r])(?:---|\.\.\.)(?=[ \t\r\n]|$)/g;

/** How much of a line, each side of an error, the error patterns read (a long line costs no more). */
const SPLIT_REACH = 400;

/** An anchor (`&name`) where a node may start: the document defines anchors. */
const ANCHOR_DEFINITION = /(?:^|[\s[{,:])&[^\s[\]{},]/;

/** Whether a text holds a node: anything but blank lines, comments, directives and document markers. */
function hasContent(text: string): boolean {
  for (const raw of text.split(/\r\n|\r|\n/)) {
    let line = raw;
    if (/^(?:---|\.\.\.)(?:[ \t]|$)/.test(line)) line = line.slice(3);
    else if (line.startsWith('%')) continue;
    line = line.trim();
    if (line === '' || line.startsWith('#')) continue;
    return true;
  }
  return false;
}

/** Splits a YAML stream at its document markers (they are only valid at column 1). */
export function splitDocuments(text: string): Chunk[] {
  const cuts: Array<{ at: number; explicit: boolean }> = [{ at: 0, explicit: false }];
  // most files hold one document and no marker: no scan for them
  if (!text.includes('---') && !text.includes('...')) return hasContent(text) ? [{ offset: 0, text, explicit: false }] : [];
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
    if (m[0] === '---') {
      if (m.index === 0) (cuts[0] as { at: number; explicit: boolean }).explicit = true;
      else cuts.push({ at: m.index, explicit: true });
    } else {
      // a document end: the next document starts on the next line
      const rest = /[^\n\r]*(?:\r\n|\r|\n)/y;
      rest.lastIndex = m.index;
      const line = rest.exec(text);
      if (line) cuts.push({ at: m.index + line[0].length, explicit: false });
    }
  }
  const chunks: Chunk[] = [];
  let pendingStart: number | undefined;
  for (let i = 0; i < cuts.length; i++) {
    const cut = cuts[i] as { at: number; explicit: boolean };
    const end = i + 1 < cuts.length ? (cuts[i + 1] as { at: number }).at : text.length;
    const start = pendingStart ?? cut.at;
    if (end <= cut.at) continue;
    const body = text.slice(cut.at, end);
    if (!cut.explicit && !hasContent(body)) {
      // comments or directives only: they belong to the next document
      pendingStart = start;
      continue;
    }
    pendingStart = undefined;
    chunks.push({ offset: start, text: text.slice(start, end), explicit: cut.explicit });
  }
  return chunks;
}

/**
 * Nodes a value holds once shared references (aliases, merges) are expanded; stops counting past
 * `limit` (a cycle counts as too many). Iterative, with each shared node sized once: a chain of
 * thousands of aliases, each referring to the one before, neither overflows the stack nor takes
 * exponential time.
 */
export function expandedSize(value: unknown, limit: number): number {
  if (value === null || typeof value !== 'object') return 1;
  const over = limit + 1;
  /** Size of each node fully counted; -1 while it is being counted (seeing it again is a cycle). */
  const sizes = new Map<object, number>();
  interface Frame {
    readonly node: object;
    readonly children: readonly unknown[];
    next: number;
    size: number;
  }
  const open = (node: object): Frame => {
    sizes.set(node, -1);
    return { node, children: Array.isArray(node) ? node : Object.values(node), next: 0, size: 1 };
  };
  const stack: Frame[] = [open(value)];
  for (;;) {
    const top = stack[stack.length - 1] as Frame;
    if (top.next < top.children.length) {
      const child = top.children[top.next++];
      if (child === null || typeof child !== 'object') top.size += 1;
      else {
        const known = sizes.get(child);
        if (known === -1) return over;
        if (known === undefined) {
          stack.push(open(child));
          continue;
        }
        top.size += known;
      }
      if (top.size > limit) return over;
      continue;
    }
    stack.pop();
    sizes.set(top.node, top.size);
    const parent = stack[stack.length - 1];
    if (!parent) return top.size;
    parent.size += top.size;
    if (parent.size > limit) return over;
  }
}

interface YamlError {
  reason?: string;
  message?: string;
  mark?: { position: number };
}

/**
 * Why a text is not strict JSON (RFC 8259), with where; undefined when it is. Empty text is left
 * to the caller. The reason is ours, never the engine's: V8 quotes the text around the error, and
 * there may be a secret.
 */
function strictJsonProblem(text: string, lines: LineIndex): ParseProblem | undefined {
  if (text.trim() === '') return undefined;
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const found = jsonSyntaxError(text);
    const engine = error instanceof Error ? error.message : '';
    const position = /at position (\d+)/.exec(engine);
    const offset = found ? found.offset : position ? Number(position[1]) : 0;
    const reason = found ? found.reason : 'the text is not valid JSON';
    return { messageId: 'json', data: { detail: ours(reason) }, range: lines.range(offset) };
  }
}

/** Offset of the last line starting with `%` (a directive) from `from` to `to`, in the text. */
function lastDirective(text: string, from: number, to: number): number | undefined {
  const head = text.slice(from, to + 1);
  const line = /(^|[\n\r])%/g;
  let found: number | undefined;
  for (let m = line.exec(head); m; m = line.exec(head)) found = from + m.index + (m[1] as string).length;
  return found;
}

/** The offset a problem points at, from where it says. */
function siteOffset(
  site: ProblemSite,
  offsets: { stopped: number; node: number | undefined; merge: number | undefined; directive: number | undefined; quote: number | undefined },
): number {
  if (site === 'quote') return offsets.quote ?? offsets.stopped;
  if (site === 'node') return offsets.node ?? offsets.stopped;
  if (site === 'merge') return offsets.merge ?? offsets.stopped;
  if (site === 'directive') return offsets.directive ?? offsets.stopped;
  return offsets.stopped;
}

/**
 * Parses a YAML or JSON text into its documents, each with positions. An empty document (only
 * comments, or nothing after a final `---`) is no installation: it is left out, and the documents
 * are numbered without it. Every range lies within the text.
 */
export function parseDocuments(
  text: string,
  options: { json?: boolean; limits?: Partial<Limits> } = {},
): ParsedDocument[] {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  // a byte order mark is no character of the document (js-yaml drops it too): columns start after it
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = new LineIndex(source);
  if (options.json) {
    // js-yaml reads JSON (with positions) but also what JSON forbids: trailing commas, comments, single quotes
    const problem = strictJsonProblem(source, lines);
    if (problem) {
      const lastLine = lines.position(lines.inside(source.length)).line;
      return [{ index: 0, data: undefined, problem, text: source, firstLine: 1, lastLine, locate: () => problem.range, has: () => false }];
    }
  }
  const chunks: Chunk[] = options.json ? [{ offset: 0, text: source, explicit: false }] : splitDocuments(source);
  const docs: ParsedDocument[] = [];
  for (const chunk of chunks) {
    const index = docs.length;
    const recorder = new PositionRecorder();
    const positions = new PositionMap(recorder, chunk.text, chunk.offset, lines);
    const chunkEnd = chunk.offset + chunk.text.length;
    /** An offset of this document, kept within its text (js-yaml may stop just past its end). */
    const within = (offset: number): number => Math.max(chunk.offset, Math.min(offset, chunkEnd - 1));
    /** The line at an offset, split there; at most SPLIT_REACH characters each side (the patterns read a key and a value). */
    const split = (offset: number): LineSplit => {
      const start = Math.max(lines.lineStart(offset), offset - SPLIT_REACH);
      return { before: source.slice(start, offset), after: source.slice(offset, Math.min(lines.lineEnd(offset), offset + SPLIT_REACH)) };
    };
    const firstLine = lines.position(chunk.offset).line;
    const lastLine = lines.position(lines.inside(chunkEnd - 1)).line;
    const failed = (messageId: string, data: MessageData, range: Range): ParsedDocument => ({
      index,
      data: undefined,
      problem: { messageId, data, range },
      text: chunk.text,
      firstLine,
      lastLine,
      locate: () => range,
      has: () => false,
    });
    let data: unknown;
    try {
      // maxDepth and maxTotalMergeKeys are js-yaml 4.3 options its type definitions do not list yet,
      // nor the tag and anchor the listener reads from the state
      const loadOptions = {
        schema: SCHEMA,
        listener: recorder.listener,
        maxDepth: limits.maxDepth,
        maxTotalMergeKeys: limits.maxExpandedNodes,
      } as unknown as LoadOptions;
      data = jsYaml.load(chunk.text, loadOptions);
    } catch (error) {
      const e = error as YamlError;
      const reason = e.reason ?? e.message ?? String(error);
      const stopped = lines.inside(within(chunk.offset + (e.mark?.position ?? 0)));
      const nodeStart = positions.openNodeStart();
      const node = nodeStart === undefined ? undefined : lines.inside(within(nodeStart));
      const runaway = positions.runawayQuote(stopped);
      const described = describeYamlError(reason, {
        error: split(stopped),
        runawayQuote: runaway === undefined ? undefined : split(runaway),
        node: node === undefined ? undefined : split(node),
        anchors: ANCHOR_DEFINITION.test(chunk.text),
        limit: limits.maxExpandedNodes,
      });
      const at = siteOffset(described.at, {
        stopped,
        node,
        merge: positions.lastMergeKeyStart(),
        directive: lastDirective(source, chunk.offset, stopped),
        quote: runaway,
      });
      docs.push(failed(described.messageId, described.data, lines.range(at)));
      continue;
    }
    // an empty document (only comments, or nothing after a final ---) is no installation
    if ((data === undefined || data === null) && !hasContent(chunk.text)) continue;
    const emptyAnchor = positions.firstEmptyAnchor();
    if (emptyAnchor) {
      const described = describeEmptyAnchor(split(emptyAnchor.start));
      docs.push(failed(described.messageId, described.data, lines.range(emptyAnchor.start, emptyAnchor.end)));
      continue;
    }
    const scalarAnchor = positions.firstUnusedScalarAnchor();
    if (scalarAnchor) {
      const described = describeScalarAnchor(split(scalarAnchor.start));
      docs.push(failed(described.messageId, described.data, lines.range(scalarAnchor.start, scalarAnchor.end)));
      continue;
    }
    if (chunk.text.includes('*') && expandedSize(data, limits.maxExpandedNodes) > limits.maxExpandedNodes) {
      docs.push(failed('aliases', { limit: limits.maxExpandedNodes }, lines.range(positions.documentStart())));
      continue;
    }
    docs.push({
      index,
      data: data === undefined ? null : data,
      text: chunk.text,
      firstLine,
      lastLine,
      locate: (pointer, target) => positions.locate(pointer, target),
      has: (pointer) => positions.has(pointer),
    });
  }
  return docs;
}
