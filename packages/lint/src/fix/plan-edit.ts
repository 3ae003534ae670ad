/**
 * Turns one fix into text edits at the ranges `yaml` gives its nodes: only the value, the key or
 * the lines of the field change, so comments, key order, quoting, blank lines, indentation and
 * line endings of everything else stay byte for byte.
 */
import { commentStart } from '../load/comment.js';
import { isMap, isPair, isScalar, isSeq, type Document, type ParsedNode, type Scalar, type YAMLMap } from 'yaml';
import type { Fix } from '../finding.js';
import { splitPointer } from '../load/pointer.js';
import { locate, mergedThrough, ownPair, type Sharing } from './locate.js';
import { renderJson, renderYaml, type Place, type ScalarValue } from './render.js';

/** Replace `source.slice(start, end)` with `text`. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Why a fix was not applied:
 * - `alias`, `anchor`, `merge`: the field is shared with another place of the file;
 * - `no-place`: the file has no place for it as written (its section is missing, is not a mapping,
 *   or is written in a way the writer does not edit);
 * - `exists`: a rename whose new name is already a key there;
 * - `conflict`: another fix changes the same place in this pass;
 * - `unreadable`: the file does not read the same way for editing (a YAML error);
 * - `unverified`: the edited text would not read back as the fix intends (it is not written);
 * - `passes`: still to apply when the passes ran out.
 */
export type RefusalReason = Sharing | 'no-place' | 'exists' | 'conflict' | 'unreadable' | 'unverified' | 'passes';

export type Plan =
  | { readonly kind: 'edit'; readonly edits: readonly Edit[] }
  /** The file already says what the fix would write. */
  | { readonly kind: 'done' }
  | { readonly kind: 'refused'; readonly reason: RefusalReason; readonly anchor?: string; readonly offset?: number };

export interface SourceText {
  readonly source: string;
  readonly json: boolean;
  /** The file's line ending, for a line added at its end. */
  readonly eol: '\n' | '\r\n';
}

function refused(reason: RefusalReason, anchor?: string, offset?: number): Plan {
  return { kind: 'refused', reason, ...(anchor !== undefined ? { anchor } : {}), ...(offset !== undefined ? { offset } : {}) };
}

function lineStart(source: string, at: number): number {
  return source.lastIndexOf('\n', at - 1) + 1;
}

/** The start of the line after the one holding `at` (`at` itself when a line starts there). */
function nextLineStart(source: string, at: number): number {
  if (at > 0 && source.charCodeAt(at - 1) === 10) return at;
  const nl = source.indexOf('\n', at);
  return nl === -1 ? source.length : nl + 1;
}

/** The line break that ends the line before `lineStartAt`, or the file's. */
function eolBefore(text: SourceText, lineStartAt: number): '\n' | '\r\n' {
  if (lineStartAt > 0 && text.source.charCodeAt(lineStartAt - 1) === 10) return text.source.charCodeAt(lineStartAt - 2) === 13 ? '\r\n' : '\n';
  return text.eol;
}

/** Whether a scalar node is written in the file (`key:` alone has an empty one). */
function written(node: ParsedNode | null): boolean {
  return node !== null && (!isScalar(node) || (node as Scalar.Parsed).srcToken !== undefined);
}

/** Where the last character written for a node is (before comments); `fallback` for an empty one. */
function leafEnd(node: ParsedNode | null, fallback: number): number {
  if (node === null || !written(node)) return fallback;
  if ((isMap(node) || isSeq(node)) && !node.flow) {
    const last = node.items[node.items.length - 1];
    if (last === undefined) return node.range[1];
    if (isPair(last)) return leafEnd(last.value as ParsedNode | null, (last.key as ParsedNode).range[1]);
    return leafEnd(last as ParsedNode, node.range[1]);
  }
  return node.range[1];
}

function render(text: SourceText, value: ScalarValue, style: Scalar.Type | undefined, place: Place): string {
  return text.json ? renderJson(value) : renderYaml(value, style, place);
}

/** The new text of a written scalar. A block scalar (`|`, `>`) becomes one line; its header's comment stays. */
function setScalar(text: SourceText, node: Scalar.Parsed, value: ScalarValue, inFlow: boolean): Plan {
  if (node.value === value) return { kind: 'done' };
  const [start, end] = node.range;
  let replacement = render(text, value, node.type, inFlow ? 'flow' : 'block');
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
    const header = text.source.slice(start, nextLineStart(text.source, start + 1)).replace(/\r?\n$/, '');
    const comment = commentStart(header);
    if (comment !== -1) replacement += ` ${header.slice(comment).trim()}`;
    if (text.source.charCodeAt(end - 1) === 10) replacement += eolBefore(text, end);
  }
  return { kind: 'edit', edits: [{ start, end, text: replacement }] };
}

/** A value written after an empty `key:`: right after the colon. */
function fillEmpty(text: SourceText, keyEnd: number, value: ScalarValue, inFlow: boolean): Plan {
  let at = keyEnd;
  while (text.source[at] === ' ' || text.source[at] === '\t') at++;
  if (text.source[at] !== ':') return refused('no-place');
  return { kind: 'edit', edits: [{ start: at + 1, end: at + 1, text: ` ${render(text, value, 'PLAIN', inFlow ? 'flow' : 'block')}` }] };
}

/** A new `key: value` in a mapping: a line after its last field (block style), or after its last pair (flow style, JSON). */
function addPair(text: SourceText, map: YAMLMap.Parsed, key: string, value: ScalarValue, inFlow: boolean): Plan {
  const source = text.source;
  const keyText = render(text, key, 'PLAIN', 'key');
  const pair = `${keyText}: ${render(text, value, 'PLAIN', inFlow || map.flow ? 'flow' : 'block')}`;
  const items = map.items;
  const first = items[0];
  const last = items[items.length - 1];
  if (!map.flow) {
    if (!first || !last || !isScalar(first.key)) return refused('no-place');
    const keyStart = (first.key as ParsedNode).range[0];
    const column = keyStart - lineStart(source, keyStart);
    const at = nextLineStart(source, leafEnd(last.value as ParsedNode | null, (last.key as ParsedNode).range[1]));
    const endsLine = at > 0 && source.charCodeAt(at - 1) === 10;
    const eol = eolBefore(text, at);
    const line = `${' '.repeat(column)}${pair}`;
    return { kind: 'edit', edits: [{ start: at, end: at, text: endsLine ? `${line}${eol}` : `${eol}${line}` }] };
  }
  if (!last) {
    const open = map.range[0];
    if (source[open] !== '{') return refused('no-place');
    return { kind: 'edit', edits: [{ start: open + 1, end: open + 1, text: pair }] };
  }
  const lastKey = last.key as ParsedNode;
  const after = leafEnd(last.value as ParsedNode | null, lastKey.range[1]);
  const keyLine = lineStart(source, lastKey.range[0]);
  const indent = source.slice(keyLine, lastKey.range[0]);
  // one field a line (pretty JSON): the new one on a line of its own, indented as the last
  if (/^[ \t]*$/.test(indent) && keyLine > map.range[0]) {
    return { kind: 'edit', edits: [{ start: after, end: after, text: `,${eolBefore(text, keyLine)}${indent}${pair}` }] };
  }
  return { kind: 'edit', edits: [{ start: after, end: after, text: `, ${pair}` }] };
}

/** Removes a field: its lines in block style; the pair and one comma in flow style. */
function removePair(text: SourceText, map: YAMLMap.Parsed, index: number): Plan {
  const source = text.source;
  const pair = map.items[index];
  if (!pair) return refused('no-place');
  const key = pair.key as ParsedNode;
  const end = leafEnd(pair.value as ParsedNode | null, key.range[1]);
  if (!map.flow) {
    const start = lineStart(source, key.range[0]);
    // `- key: value`: the field shares its line with the list's dash
    if (!/^[ \t]*$/.test(source.slice(start, key.range[0]))) return refused('no-place');
    return { kind: 'edit', edits: [{ start, end: nextLineStart(source, end), text: '' }] };
  }
  const next = map.items[index + 1];
  if (next) return { kind: 'edit', edits: [{ start: key.range[0], end: (next.key as ParsedNode).range[0], text: '' }] };
  const previous = map.items[index - 1];
  if (previous) {
    const from = leafEnd(previous.value as ParsedNode | null, (previous.key as ParsedNode).range[1]);
    return { kind: 'edit', edits: [{ start: from, end, text: '' }] };
  }
  return { kind: 'edit', edits: [{ start: key.range[0], end, text: '' }] };
}

/** The edits that apply one fix to one document, or why none can be made. */
export function planEdit(doc: Document.Parsed, fix: Fix, aliased: ReadonlySet<string>, text: SourceText): Plan {
  const found = locate(doc, fix.pointer, aliased);
  if (found.kind === 'shared') return refused(found.how, found.anchor, found.offset);
  if (found.kind === 'unreachable') return refused('no-place');
  if ('value' in fix) {
    if (found.kind === 'absent') return addPair(text, found.map, found.key, fix.value, found.inFlow);
    if (found.valueShared) return refused(found.valueShared.how, found.valueShared.anchor, found.valueShared.offset);
    const node = found.node;
    if (node !== null && !isScalar(node)) return refused('no-place');
    if (written(node)) return setScalar(text, node as Scalar.Parsed, fix.value, found.inFlow);
    if (!found.pair) return refused('no-place');
    return fillEmpty(text, (found.pair.key as ParsedNode).range[1], fix.value, found.inFlow);
  }
  // a field already gone or renamed needs nothing
  if (found.kind === 'absent') return { kind: 'done' };
  const map = found.container;
  if (!found.pair || !isMap(map) || !isScalar(found.pair.key)) return refused('no-place');
  const parsedMap = map as YAMLMap.Parsed;
  const name = splitPointer(fix.pointer).at(-1) as string;
  if ('remove' in fix) {
    // without it here the merged value would show through
    const merged = mergedThrough(doc, parsedMap, name);
    if (merged) return refused('merge', merged.anchor, merged.offset);
    // an anchor other places use would be gone (an alias of its value stays valid without it)
    if (found.valueShared?.how === 'anchor') return refused('anchor', found.valueShared.anchor, found.valueShared.offset);
    return removePair(text, parsedMap, parsedMap.items.indexOf(found.pair as (typeof parsedMap.items)[number]));
  }
  if (fix.rename === name) return { kind: 'done' };
  if (ownPair(parsedMap, fix.rename)) return refused('exists');
  const key = found.pair.key as Scalar.Parsed;
  const renamed = render(text, fix.rename, key.type, 'key');
  return { kind: 'edit', edits: [{ start: key.range[0], end: key.range[1], text: renamed }] };
}
