import { CORE_SCHEMA, load, type LoadOptions } from 'js-yaml';
import type { Range } from '../finding.js';
import { jsonSyntaxError } from './json-syntax.js';
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

export interface ParseProblem {
  readonly message: string;
  readonly range: Range;
}

/** One YAML document of a file: either its data with positions, or why it could not be read. */
export interface ParsedDocument {
  readonly index: number;
  readonly data: unknown;
  readonly problem?: ParseProblem;
  /** Range of the field at a JSON Pointer (nearest existing ancestor for a missing one); its key with `target: 'key'`. */
  locate(pointer: string, target?: 'value' | 'key'): Range;
  /** Whether the field at the pointer is written in the file. */
  has(pointer: string): boolean;
}

interface Chunk {
  readonly offset: number;
  readonly text: string;
  /** Started by a `---` marker: a document even when empty. */
  readonly explicit: boolean;
}

const MARKER = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm;

function hasContent(text: string): boolean {
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (line === '' || line.startsWith('#') || line.startsWith('%') || line === '---' || line === '...') continue;
    return true;
  }
  return false;
}

/** Splits a YAML stream at its document markers (they are only valid at column 1). */
export function splitDocuments(text: string): Chunk[] {
  const cuts: Array<{ at: number; explicit: boolean }> = [{ at: 0, explicit: false }];
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
    if (m[0] === '---') {
      if (m.index === 0) (cuts[0] as { at: number; explicit: boolean }).explicit = true;
      else cuts.push({ at: m.index, explicit: true });
    } else {
      const nl = text.indexOf('\n', m.index);
      if (nl !== -1) cuts.push({ at: nl + 1, explicit: false });
    }
  }
  const chunks: Chunk[] = [];
  let pendingStart: number | undefined;
  for (let i = 0; i < cuts.length; i++) {
    const cut = cuts[i] as { at: number; explicit: boolean };
    const end = i + 1 < cuts.length ? (cuts[i + 1] as { at: number }).at : text.length;
    const start = pendingStart ?? cut.at;
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

/** Nodes a value holds once shared references (aliases) are expanded; stops counting past `limit`. */
function expandedSize(value: unknown, limit: number, memo = new Map<object, number>()): number {
  if (value === null || typeof value !== 'object') return 1;
  const known = memo.get(value);
  if (known !== undefined) return known;
  memo.set(value, limit + 1); // a cycle counts as too many
  let size = 1;
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    size += expandedSize(child, limit, memo);
    if (size > limit) break;
  }
  memo.set(value, size);
  return size;
}

function hint(reason: string, line: string): string {
  if (line.includes('${') && /[{[]/.test(line.replaceAll('${', ''))) {
    return `${reason}: a \${NAME} reference inside { } or [ ] must be quoted, such as password: "\${TM_PASSWORD}"`;
  }
  if (reason.startsWith('duplicated mapping key')) return 'a key appears twice in the same section: keep one of them';
  if (reason.includes('bad indentation')) {
    return `${reason}: check the indentation (spaces, children deeper than their parent) and quote a value that starts with @, \` or %`;
  }
  if (reason.includes('tab characters must not be used')) return `${reason}: indent with spaces, not tabs`;
  return reason;
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
    const p = lines.position(Math.min(offset, Math.max(0, text.length - 1)));
    return {
      message: `JSON syntax error: ${reason} (a .json manifest is strict JSON: no trailing commas, comments or single quotes; write YAML in a .yaml file for those)`,
      range: { line: p.line, column: p.column, endLine: p.line, endColumn: p.column },
    };
  }
}

/** Parses a YAML or JSON text into its documents, each with positions. */
export function parseDocuments(
  text: string,
  options: { json?: boolean; limits?: Partial<Limits> } = {},
): ParsedDocument[] {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const lines = new LineIndex(text);
  if (options.json) {
    // js-yaml reads JSON (with positions) but also what JSON forbids: trailing commas, comments, single quotes
    const problem = strictJsonProblem(text, lines);
    if (problem) {
      return [{ index: 0, data: undefined, problem, locate: () => problem.range, has: () => false }];
    }
  }
  const chunks: Chunk[] = options.json ? [{ offset: 0, text, explicit: false }] : splitDocuments(text);
  const docs: ParsedDocument[] = [];
  for (const chunk of chunks) {
    const index = docs.length;
    const recorder = new PositionRecorder();
    const positions = new PositionMap(recorder, chunk.text, chunk.offset, lines);
    const at = (offset: number): Range => {
      const p = lines.position(Math.min(offset, Math.max(0, text.length - 1)));
      return { line: p.line, column: p.column, endLine: p.line, endColumn: p.column };
    };
    const failed = (message: string, range: Range): ParsedDocument => ({
      index,
      data: undefined,
      problem: { message, range },
      locate: () => range,
      has: () => false,
    });
    let data: unknown;
    try {
      // maxDepth is a js-yaml 4.3 option its type definitions do not list yet
      const loadOptions = { schema: CORE_SCHEMA, listener: recorder.listener, maxDepth: limits.maxDepth } as LoadOptions;
      data = load(chunk.text, loadOptions);
    } catch (error) {
      const e = error as YamlError;
      const reason = e.reason ?? e.message ?? String(error);
      const offset = chunk.offset + (e.mark?.position ?? 0);
      const kind = options.json ? 'JSON' : 'YAML';
      const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
      const line = text.slice(lineStart, lines.lineEnd(offset));
      docs.push(failed(`${kind} syntax error: ${hint(reason, line)}`, at(offset)));
      continue;
    }
    if (data === undefined && !chunk.explicit) continue;
    if (chunk.text.includes('*') && expandedSize(data, limits.maxExpandedNodes) > limits.maxExpandedNodes) {
      docs.push(
        failed(
          `aliases expand this document to more than ${limits.maxExpandedNodes} nodes: a manifest needs no more than a few hundred; remove the nested aliases (*name)`,
          at(chunk.offset),
        ),
      );
      continue;
    }
    docs.push({
      index,
      data: data === undefined ? null : data,
      locate: (pointer, target) => positions.locate(pointer, target),
      has: (pointer) => positions.has(pointer),
    });
  }
  return docs;
}
