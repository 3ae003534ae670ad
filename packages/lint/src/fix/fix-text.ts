/**
 * The fix writer: applies the fixes of a text's findings through `yaml`'s Document API, edit by
 * edit at the ranges of the nodes, so that everything the fixes do not touch stays byte for byte.
 * `fixText` makes one pass; `fixUntilStable` lints again and applies the fixes a fix revealed,
 * until nothing changes. Used by the CLI (`tmcheck lint --fix`) and the interactive checker.
 */
import { fieldTitle } from '@tmcheck/schemas';
import { isScalar, parseAllDocuments, type Document, type ParsedNode, type Scalar } from 'yaml';
import type { DocumentResult, Finding, Fix } from '../finding.js';
import { escapeToken, joinPointer, splitPointer } from '../load/pointer.js';
import { HIDDEN, looksLikeSecret, showKey } from '../secrets/show.js';
import { escapeControls } from '../text/escape.js';
import { aliasedAnchors, locate } from './locate.js';
import { planEdit, type Edit, type RefusalReason, type SourceText } from './plan-edit.js';

/** Most passes of lint-and-fix `fixUntilStable` makes by default. */
export const MAX_PASSES = 5;

/** A finding whose fix was applied, or refused. */
export interface FixRecord {
  readonly filePath: string;
  readonly document: number;
  readonly installation: string | null;
  readonly ruleId: string;
  readonly messageId: string;
  readonly pointer: string;
  /** Where the finding was in the text the fix was applied to, 1-based. */
  readonly line: number;
  readonly column: number;
  readonly fix: Fix;
}

export interface AppliedFix extends FixRecord {
  /** The pass that applied it, from 1. */
  readonly pass: number;
}

export interface RefusedFix extends FixRecord {
  readonly reason: RefusalReason;
  /** Why, in words, naming the field (never its value). */
  readonly message: string;
}

export interface FixTextOptions {
  /** The text is a JSON manifest (values are written as JSON). */
  readonly json?: boolean;
}

export interface FixedText {
  /** The text with the fixes applied (the same string when none applied). */
  readonly text: string;
  readonly applied: readonly AppliedFix[];
  readonly refused: readonly RefusedFix[];
}

export interface FixRun {
  /** The text after every pass. */
  readonly text: string;
  readonly changed: boolean;
  /** Passes that changed the text. */
  readonly passes: number;
  readonly applied: readonly AppliedFix[];
  /** Fixes not applied, with why; what they would fix is still in `remaining`. */
  readonly refused: readonly RefusedFix[];
  /** The findings of the final text (the report to show). */
  readonly remaining: readonly DocumentResult[];
}

export interface FixUntilStableOptions extends FixTextOptions {
  /** At most this many passes (default MAX_PASSES). */
  readonly maxPasses?: number;
  /** The findings of `text`, when already linted (saves the first lint). */
  readonly initial?: readonly DocumentResult[];
}

/** The field in the words of the catalog; a pointer otherwise, without a piece that may be a secret (a key is read from the file). */
function fieldOf(pointer: string): string {
  const title = fieldTitle(pointer);
  if (title !== undefined) return title;
  if (pointer === '') return 'the manifest';
  return escapeControls(splitPointer(pointer).map((t) => `/${looksLikeSecret(t) ? HIDDEN.token : escapeToken(t)}`).join(''));
}

function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Why a fix was refused, in words: the field, never its value; an anchor's name only if it cannot be a secret. */
export function describeRefusal(reason: RefusalReason, record: Pick<FixRecord, 'pointer' | 'fix'>, where: { anchor?: string; line?: number; passes?: number } = {}): string {
  const field = fieldOf(record.pointer);
  const anchor = where.anchor === undefined || where.anchor === '' ? undefined : showKey(where.anchor).replace(/^"(.*)"$/, '$1');
  const at = where.line !== undefined ? ` (line ${where.line})` : '';
  switch (reason) {
    case 'alias':
      return `${field} is shared: it is written as the alias *${anchor ?? '?'}${at}, a copy of a value anchored elsewhere; fixing it would change every place that uses that anchor: change it by hand, or write the value out here instead of the alias`;
    case 'anchor':
      return `${field} is shared: it is anchored as &${anchor ?? '?'}${at} and used elsewhere through *${anchor ?? '?'}; fixing it would change those places too: change it by hand`;
    case 'merge':
      return anchor === undefined
        ? `${field} is shared: it comes from a merge key (<<)${at}; change it by hand, or write the field out in this mapping`
        : `${field} is shared: it comes from the merge key <<: *${anchor}${at}; fixing it would change every mapping that merges &${anchor}: change it by hand, or write the field out in this mapping`;
    case 'exists':
      return `${field}: cannot rename it, a field of the new name is already there: merge the two by hand`;
    case 'no-place':
      return `${field}: tmcheck cannot write this fix into the file as it is written (its section is missing or not a mapping, or the field shares a line with a list's dash): change it by hand`;
    case 'conflict':
      return `${field}: another fix changes the same place; run the fix again`;
    case 'unreadable':
      return `${field}: the file does not read the same way for editing (a YAML error, or its documents do not match): change it by hand`;
    case 'unverified':
      return `${field}: the edited file would not read back as the fix intends, so it was not changed (a bug in tmcheck, please report it): change it by hand`;
    case 'passes':
      return `${field}: still to fix after ${where.passes ?? MAX_PASSES} passes; run the fix again`;
  }
}

interface Wanted {
  readonly record: FixRecord;
  readonly fix: Fix;
}

function wantedFixes(results: readonly DocumentResult[]): Wanted[] {
  const out: Wanted[] = [];
  for (const r of results) {
    for (const m of r.messages as readonly Finding[]) {
      if (!m.fix || m.suppressed || m.internal) continue;
      out.push({
        fix: m.fix,
        record: {
          filePath: r.filePath,
          document: r.document,
          installation: r.installation,
          ruleId: m.ruleId,
          messageId: m.messageId,
          pointer: m.pointer,
          line: m.line,
          column: m.column,
          fix: m.fix,
        },
      });
    }
  }
  return out;
}

/** The file's documents as the linter numbers them: a document with no node (only comments) is none. */
function documentsOf(source: string): Document.Parsed[] {
  const docs = parseAllDocuments(source, { keepSourceTokens: true, version: '1.2', schema: 'core', merge: false, prettyErrors: false });
  return [...docs].filter((d) => {
    const contents = d.contents as ParsedNode | null;
    return !(contents === null || (isScalar(contents) && (contents as Scalar.Parsed).srcToken === undefined && contents.tag === undefined && contents.anchor === undefined));
  });
}

/** Deeper than any manifest nests (lint reads at most 64 levels): `yaml` is not given such a text. */
const MAX_FIX_NESTING = 200;

/**
 * Whether the text may nest deeper than `limit`, by one pass over its lines: the stack of indentations,
 * the compact `- - -` of nested lists on one line, and the brackets of flow collections. An
 * over-estimate (brackets inside quotes count) only refuses the fixes of a very odd file.
 */
export function nestsDeeperThan(source: string, limit: number): boolean {
  const indents: number[] = [];
  let flow = 0;
  for (const line of source.split(/\r\n|\r|\n/)) {
    let i = 0;
    while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
    if (i === line.length || line.charCodeAt(i) === 35 /* # */) continue;
    while (indents.length > 0 && (indents[indents.length - 1] as number) >= i) indents.pop();
    indents.push(i);
    let compact = 0;
    for (let j = i; j + 1 < line.length && (line.charAt(j) === '-' || line.charAt(j) === '?' || line.charAt(j) === ':') && (line.charCodeAt(j + 1) === 32 || line.charCodeAt(j + 1) === 9); j += 2) {
      compact++;
      while (j + 2 < line.length && line.charCodeAt(j + 2) === 32) j++;
    }
    for (let j = i; j < line.length; j++) {
      const c = line.charCodeAt(j);
      if (c === 91 || c === 123) flow++;
      else if ((c === 93 || c === 125) && flow > 0) flow--;
    }
    if (indents.length + compact + flow > limit) return true;
  }
  return false;
}

/**
 * The documents, or undefined when `yaml` must not or cannot read the text: nesting deeper than any manifest
 * (its parser recurses, and thousands of levels overflow the stack, or abort the process in a regular
 * expression's compiler), or a stack overflow all the same.
 */
function readableDocuments(source: string): Document.Parsed[] | undefined {
  if (nestsDeeperThan(source, MAX_FIX_NESTING)) return undefined;
  try {
    return documentsOf(source);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function applyEdits(source: string, edits: readonly Edit[]): string {
  const sorted = edits
    .map((e, order) => ({ e, order }))
    .sort((a, b) => a.e.start - b.e.start || (a.e.end - a.e.start === 0 ? 0 : 1) - (b.e.end - b.e.start === 0 ? 0 : 1) || a.order - b.order);
  let out = '';
  let at = 0;
  for (const { e } of sorted) {
    out += source.slice(at, e.start) + e.text;
    at = Math.max(at, e.end);
  }
  return out + source.slice(at);
}

function overlaps(a: Edit, b: Edit): boolean {
  if (a.start === a.end && b.start === b.end) return false;
  if (a.start === a.end) return b.start < a.start && a.start < b.end;
  if (b.start === b.end) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/**
 * The edits of the fixes kept so far, in order, none overlapping another: whether a new edit overlaps one
 * is a binary search and a look at its neighbours, not a look at every edit (a fleet file of thousands of
 * documents has thousands of fixes).
 */
export class TakenRanges {
  /** Sorted by start. */
  readonly #edits: Edit[] = [];

  /** The index of the first edit that starts after `offset`. */
  #after(offset: number): number {
    let lo = 0;
    let hi = this.#edits.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.#edits[mid] as Edit).start <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  overlapsAny(e: Edit): boolean {
    // back from the last edit that starts by e's end. A range that ends by e's start ends the search: the
    // ranges before it end earlier still. An insertion at or before e's start cannot overlap e, and of
    // what is before it only a range that starts at the same place can (anything else would overlap it)
    for (let i = this.#after(e.end) - 1; i >= 0; i--) {
      const t = this.#edits[i] as Edit;
      if (t.start < t.end) {
        if (t.end <= e.start) return false;
        if (overlaps(t, e)) return true;
        continue;
      }
      if (t.start <= e.start) {
        for (let j = i - 1; j >= 0 && (this.#edits[j] as Edit).start === t.start; j--) if (overlaps(this.#edits[j] as Edit, e)) return true;
        return false;
      }
      if (overlaps(t, e)) return true;
    }
    return false;
  }

  add(e: Edit): void {
    this.#edits.splice(this.#after(e.start), 0, e);
  }
}

/** Whether a document of the edited text says what the fix meant. */
function fixHolds(doc: Document.Parsed, fix: Fix): boolean {
  const aliased = aliasedAnchors(doc);
  if ('value' in fix) {
    const found = locate(doc, fix.pointer, aliased);
    return found.kind === 'found' && isScalar(found.node) && (found.node as Scalar.Parsed).srcToken !== undefined && found.node.value === fix.value;
  }
  if ('remove' in fix) return locate(doc, fix.pointer, aliased).kind !== 'found';
  const tokens = splitPointer(fix.pointer).slice(0, -1);
  const renamed = locate(doc, joinPointer('', ...tokens, fix.rename), aliased);
  return renamed.kind === 'found' && locate(doc, fix.pointer, aliased).kind !== 'found';
}

interface Group {
  readonly document: number;
  readonly fix: Fix;
  readonly edits: readonly Edit[];
  readonly records: FixRecord[];
}

/** The edited text, if it reads back: same documents, no error, valid JSON for JSON, and each fix holding. */
function verified(source: string, groups: readonly Group[], before: readonly Document.Parsed[], json: boolean): string | undefined {
  const text = applyEdits(
    source,
    groups.flatMap((g) => g.edits),
  );
  if (json) {
    try {
      JSON.parse(text);
    } catch {
      return undefined;
    }
  }
  const docs = readableDocuments(text);
  if (docs === undefined) return undefined;
  // a document that read without error still does (another one of the file may be broken already)
  if (docs.length !== before.length || docs.some((d, i) => d.errors.length > 0 && before[i]?.errors.length === 0)) return undefined;
  for (const g of groups) {
    const doc = docs[g.document];
    if (!doc || !fixHolds(doc, g.fix)) return undefined;
  }
  return text;
}

/**
 * One pass: applies the fixes of `results` (the findings of this text, from one file) to `text`.
 * A fix is refused, with why, when its field is shared through an alias, an anchor or a merge key,
 * when the file has no place for it, or when the edit would not read back as intended. Findings
 * silenced inline are not fixed. A byte order mark at the start stays.
 */
export function fixText(text: string, results: readonly DocumentResult[], options: FixTextOptions = {}): FixedText {
  const wanted = wantedFixes(results);
  if (wanted.length === 0) return { text, applied: [], refused: [] };
  const bom = text.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  const source = bom ? text.slice(1) : text;
  const json = options.json ?? false;
  const firstBreak = source.indexOf('\n');
  const src: SourceText = { source, json, eol: firstBreak > 0 && source.charCodeAt(firstBreak - 1) === 13 ? '\r\n' : '\n' };
  const starts = lineStarts(source);
  const aliased = new Map<Document.Parsed, Set<string>>();
  const refused: RefusedFix[] = [];
  const groups: Group[] = [];
  const byKey = new Map<string, Group | RefusedFix>();
  const taken = new TakenRanges();
  const refuse = (w: Wanted, reason: RefusalReason, where: { anchor?: string; offset?: number } = {}): RefusedFix => {
    const line = where.offset === undefined ? undefined : lineAt(starts, where.offset);
    const r: RefusedFix = {
      ...w.record,
      reason,
      message: describeRefusal(reason, w.record, { ...(where.anchor !== undefined ? { anchor: where.anchor } : {}), ...(line !== undefined ? { line } : {}) }),
    };
    refused.push(r);
    return r;
  };
  // `yaml` reads nesting by recursion: a document of the file nested thousands deep (which lint reports) can
  // overflow its stack; then no fix is applied, each refused as on a file that cannot be read
  const docs = readableDocuments(source);
  if (docs === undefined) {
    for (const w of wanted) refuse(w, 'unreadable');
    return { text, applied: [], refused };
  }
  for (const w of wanted) {
    const key = `${w.record.document}\u0000${w.fix.pointer}\u0000${JSON.stringify(w.fix)}`;
    const known = byKey.get(key);
    if (known) {
      // the same fix from another finding: it stands or falls with the first
      if ('edits' in known) known.records.push(w.record);
      else refused.push({ ...w.record, reason: known.reason, message: known.message });
      continue;
    }
    const doc = docs[w.record.document];
    const docLines = doc ? [lineAt(starts, doc.range[0]), lineAt(starts, Math.max(doc.range[0], doc.range[2] - 1))] : undefined;
    if (!doc || doc.errors.length > 0 || !docLines || w.record.line < (docLines[0] as number) || w.record.line > (docLines[1] as number)) {
      byKey.set(key, refuse(w, 'unreadable'));
      continue;
    }
    let names = aliased.get(doc);
    if (!names) {
      names = aliasedAnchors(doc);
      aliased.set(doc, names);
    }
    const plan = planEdit(doc, w.fix, names, src);
    if (plan.kind === 'done') continue;
    if (plan.kind === 'refused') {
      byKey.set(key, refuse(w, plan.reason, { ...(plan.anchor !== undefined ? { anchor: plan.anchor } : {}), ...(plan.offset !== undefined ? { offset: plan.offset } : {}) }));
      continue;
    }
    if (plan.edits.some((e) => taken.overlapsAny(e))) {
      // another fix changes the same place: this one waits for the next pass
      byKey.set(key, refuse(w, 'conflict'));
      continue;
    }
    const group: Group = { document: w.record.document, fix: w.fix, edits: plan.edits, records: [w.record] };
    for (const e of plan.edits) taken.add(e);
    groups.push(group);
    byKey.set(key, group);
  }
  if (groups.length === 0) return { text, applied: [], refused };
  let accepted: Group[] = groups;
  let edited = verified(source, groups, docs, json);
  if (edited === undefined) {
    // find the fix that does not read back: keep the others, one by one
    accepted = [];
    for (const g of groups) {
      const trial = verified(source, [...accepted, g], docs, json);
      if (trial === undefined) {
        for (const record of g.records) refuse({ record, fix: g.fix }, 'unverified');
      } else {
        accepted.push(g);
        edited = trial;
      }
    }
  }
  const applied = accepted.flatMap((g) => g.records.map((r) => ({ ...r, pass: 1 })));
  return { text: edited === undefined ? text : bom + edited, applied, refused };
}

/** Parse findings of a result set: a fix must never add one. */
function parseErrors(results: readonly DocumentResult[]): number {
  return results.reduce((n, r) => n + r.messages.filter((m) => m.ruleId === 'parse' && !m.suppressed).length, 0);
}

/**
 * Lints, applies the fixes, lints again, until a pass changes nothing, at most `maxPasses` times
 * (a fix can reveal a finding with a fix of its own). `lint` lints a text of the same file.
 */
export function fixUntilStable(text: string, lint: (text: string) => readonly DocumentResult[], options: FixUntilStableOptions = {}): FixRun {
  const maxPasses = Math.max(1, options.maxPasses ?? MAX_PASSES);
  let current = text;
  let results = options.initial ?? lint(text);
  const applied: AppliedFix[] = [];
  const seen = new Set<string>([text]);
  let passes = 0;
  let refused: readonly RefusedFix[] = [];
  for (;;) {
    const pass = fixText(current, results, options);
    if (pass.applied.length === 0 || pass.text === current) {
      refused = pass.refused;
      break;
    }
    if (passes === maxPasses || seen.has(pass.text)) {
      // out of passes (or back where an earlier pass was): what this pass would apply is left to do
      refused = [...pass.refused, ...pass.applied.map(({ pass: _pass, ...r }) => ({ ...r, reason: 'passes' as const, message: describeRefusal('passes', r, { passes }) }))];
      break;
    }
    const next = lint(pass.text);
    if (parseErrors(next) > parseErrors(results)) {
      refused = [...pass.refused, ...pass.applied.map(({ pass: _pass, ...r }) => ({ ...r, reason: 'unverified' as const, message: describeRefusal('unverified', r) }))];
      break;
    }
    passes++;
    for (const a of pass.applied) applied.push({ ...a, pass: passes });
    seen.add(pass.text);
    current = pass.text;
    results = next;
  }
  return { text: current, changed: current !== text, passes, applied, refused, remaining: results };
}
