/**
 * Finds the node a fix's JSON Pointer names in a `yaml` Document, the way the linter reads the
 * document (own keys first, then merge keys), and tells whether editing it would also change
 * another place of the file: an alias (`*x`), a merge key (`<<: *x`), or an anchored node (`&x`)
 * that an alias uses elsewhere.
 */
import { isAlias, isMap, isScalar, isSeq, visit, type Document, type Pair, type ParsedNode, type YAMLMap } from 'yaml';
import { splitPointer } from '../load/pointer.js';

/** How a field is shared with another place of the file. */
export type Sharing = 'alias' | 'merge' | 'anchor';

/** Where a shared node is: `anchor` names it, `offset` is where the alias, anchor or merge key is written. */
export interface SharedAt {
  readonly kind: 'shared';
  readonly how: Sharing;
  readonly anchor: string;
  readonly offset: number;
}

export type Located =
  /**
   * The field is written in this mapping (or this list): `node` is its value. `valueShared` says
   * whether the value itself is shared (editing it would change another place; renaming or
   * removing its key may not).
   */
  | {
      readonly kind: 'found';
      readonly pair: Pair<ParsedNode, ParsedNode | null> | undefined;
      readonly node: ParsedNode | null;
      readonly container: ParsedNode;
      readonly inFlow: boolean;
      readonly valueShared: SharedAt | undefined;
    }
  /** The field is not written; `map` is the mapping that would hold it. */
  | { readonly kind: 'absent'; readonly map: YAMLMap.Parsed; readonly key: string; readonly inFlow: boolean }
  /** A mapping that holds the field is shared, or the field arrives through a merge key. */
  | SharedAt
  /** No place for the field: a mapping on its path is missing or is not a mapping. */
  | { readonly kind: 'unreachable' };

/** A merge key: a plain `<<` (YAML 1.1 merges; the linter reads them as js-yaml does). */
export function isMergeKey(key: unknown): boolean {
  return isScalar(key) && key.type === 'PLAIN' && (key.value === '<<' || key.source === '<<');
}

/** The text of a scalar key, as the loaded data names it. */
function keyText(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  return typeof key.value === 'symbol' ? undefined : String(key.value);
}

/** The pair of `map` whose key is written `name` (not through a merge). */
export function ownPair(map: YAMLMap.Parsed, name: string): Pair<ParsedNode, ParsedNode | null> | undefined {
  for (const pair of map.items) {
    if (isMergeKey(pair.key)) continue;
    if (keyText(pair.key) === name) return pair as Pair<ParsedNode, ParsedNode | null>;
  }
  return undefined;
}

/** The anchor names used by an alias somewhere in the document. */
export function aliasedAnchors(doc: Document.Parsed): Set<string> {
  const names = new Set<string>();
  visit(doc, {
    Alias(_key, node) {
      names.add(node.source);
    },
  });
  return names;
}

/** Whether editing this node would change another place: it is an alias, or an anchor an alias uses. */
function sharingOf(node: ParsedNode | null, aliased: ReadonlySet<string>): SharedAt | undefined {
  if (node === null) return undefined;
  if (isAlias(node)) return { kind: 'shared', how: 'alias', anchor: node.source, offset: node.range[0] };
  const anchor = (node as { anchor?: string }).anchor;
  if (anchor !== undefined && aliased.has(anchor)) return { kind: 'shared', how: 'anchor', anchor, offset: node.range[0] };
  return undefined;
}

/**
 * The merge key of `map` through which `name` arrives, if any: `<<: *x`, `<<: [*x, *y]` or an
 * inline mapping; searched through merges of merges, at most a few deep.
 */
export function mergedThrough(doc: Document.Parsed, map: YAMLMap.Parsed, name: string, depth = 0): { anchor: string; offset: number } | undefined {
  if (depth > 8) return undefined;
  for (const pair of map.items) {
    if (!isMergeKey(pair.key) || pair.value === null) continue;
    const value = pair.value as ParsedNode;
    const sources = isSeq(value) ? (value.items as ParsedNode[]) : [value];
    for (const source of sources) {
      const target = isAlias(source) ? source.resolve(doc) : source;
      if (!isMap(target)) continue;
      const anchor = isAlias(source) ? source.source : '';
      const parsed = target as YAMLMap.Parsed;
      if (ownPair(parsed, name) || mergedThrough(doc, parsed, name, depth + 1)) return { anchor, offset: source.range[0] };
    }
  }
  return undefined;
}

/** The node at a JSON Pointer, read as the linter reads the document. */
export function locate(doc: Document.Parsed, pointer: string, aliased: ReadonlySet<string>): Located {
  const tokens = splitPointer(pointer);
  if (tokens.length === 0) return { kind: 'unreachable' };
  let node: ParsedNode | null = doc.contents;
  let inFlow = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const last = i === tokens.length - 1;
    const shared = sharingOf(node, aliased);
    if (shared) return shared;
    if (isMap(node)) {
      const map = node as YAMLMap.Parsed;
      inFlow ||= map.flow === true;
      const pair = ownPair(map, token);
      if (pair) {
        if (last) return { kind: 'found', pair, node: pair.value, container: map, inFlow, valueShared: sharingOf(pair.value, aliased) };
        node = pair.value;
        continue;
      }
      const merged = mergedThrough(doc, map, token);
      if (merged) return { kind: 'shared', how: 'merge', ...merged };
      return last ? { kind: 'absent', map, key: token, inFlow } : { kind: 'unreachable' };
    }
    if (isSeq(node) && /^(?:0|[1-9]\d{0,8})$/.test(token)) {
      inFlow ||= node.flow === true;
      const item = node.items[Number(token)] as ParsedNode | undefined;
      if (item === undefined) return { kind: 'unreachable' };
      if (last) return { kind: 'found', pair: undefined, node: item, container: node, inFlow, valueShared: sharingOf(item, aliased) };
      node = item;
      continue;
    }
    return { kind: 'unreachable' };
  }
  return { kind: 'unreachable' };
}
