/**
 * YAML syntax errors in tmcheck's own words. js-yaml's reasons quote the text they stopped at
 * ("unknown tag !<!Sommer2024>", "unidentified alias "Sommer2024""), and a password is often what
 * they stopped at: nothing of the source is ever quoted here beyond one character of a small, safe
 * class and a key name that the manifest schema knows (and, for a value holding ": ", the value of
 * a field that is not secret, through the secret gate).
 *
 * Every reason js-yaml 4.3 throws (lib/loader.js) has its place below; an unknown one is `syntax`.
 */
import { FIELDS } from '@tmcheck/schemas';
import type { MessageData } from '../engine/define-rule.js';
import { ours, showValue, type Shown } from '../secrets/show.js';
import { stripComment } from './comment.js';

/**
 * Where the report points: where js-yaml stopped, the start of the node it was reading, the last
 * merge key, the last directive line (`%...`) before where it stopped, or a quote never closed.
 */
export type ProblemSite = 'error' | 'node' | 'merge' | 'directive' | 'quote';

export interface YamlProblem {
  readonly messageId: string;
  readonly data: MessageData;
  readonly at: ProblemSite;
}

/** A line of the file split at an offset (without its line end). */
export interface LineSplit {
  readonly before: string;
  readonly after: string;
}

export interface ErrorContext {
  /** The line where js-yaml stopped, split there. */
  readonly error: LineSplit;
  /** The line of the node js-yaml was reading, split at the node's start (when known). */
  readonly node?: LineSplit | undefined;
  /**
   * A quoted value that runs over lines up to a quote on the line where js-yaml stopped, which opens
   * a later value: the quote that is really not closed, split at its start (when there is one).
   */
  readonly runawayQuote?: LineSplit | undefined;
  /** The document defines anchors (`&name`): a `*name` is then more likely a reference than a value. */
  readonly anchors: boolean;
  /** The alias expansion limit, for `aliases`. */
  readonly limit: number;
}

const lastToken = (pointer: string): string => pointer.split('/').pop() ?? '';

const KNOWN_KEYS = new Set<string>();
const SECRET_KEYS = new Set<string>();
const SCALAR_KEYS = new Set<string>();
{
  // one pass over the catalog (this module loads with every lint, also of files without a syntax error)
  const holdsMore = new Set<string>();
  for (const f of FIELDS) {
    const key = lastToken(f.pointer);
    if (f.secret) SECRET_KEYS.add(key);
    if (key === '' || key === '*') continue;
    KNOWN_KEYS.add(key);
    if (f.type === 'object' || f.type === 'list') holdsMore.add(key);
  }
  for (const key of KNOWN_KEYS) if (!holdsMore.has(key)) SCALAR_KEYS.add(key);
}
// KNOWN_KEYS: every key name the manifest has, the only words of a broken line that a message may repeat.
// SECRET_KEYS: key names of secret fields; their values are never shown, not even quoted for a fix.
// SCALAR_KEYS: key names that only ever hold a single value (text, number, true/false), never a { } or [ ].

/** Characters that YAML reads as an indicator at the start of a plain value, with what it reads them as. */
const INDICATORS: Readonly<Record<string, string>> = {
  '!': 'a tag',
  '*': 'an alias (a reference to an anchor)',
  '&': 'an anchor',
  '%': 'a directive',
  '@': 'a reserved character',
  '`': 'a reserved character',
  '|': 'a block of text',
  '>': 'a folded block of text',
  '{': 'the start of a mapping',
  '[': 'the start of a list',
  '}': 'the end of a mapping',
  ']': 'the end of a list',
  ',': 'a separator',
  '-': 'a list item',
};

/** What stands for the key when the line's key is not one the manifest knows. */
const UNKNOWN_KEY = 'the field on this line';
const MERGE_KEY = 'the merge key (<<)';

const KEY_NAME = '([A-Za-z$][\\w$]*)';

/** A key and a quoted value just before the offset, inside { }: `{ password: "Som"` (the quote ended it). */
const QUOTED_VALUE_BEFORE = new RegExp(`(?:^|[\\s{,\\[])["']?${KEY_NAME}["']?[ \\t]*:[ \\t]*("(?:[^"\\\\]|\\\\.)*"|'(?:[^']|'')*')$`);
/** A key and a plain value just before the offset, inside { }: `{ name: MV Nordic` (then ": "). */
const PLAIN_VALUE_BEFORE = new RegExp(`(?:^|[\\s{,\\[])["']?${KEY_NAME}["']?[ \\t]*:[ \\t]+([^\\s"'{}\\[\\],][^{}\\[\\],]*)$`);

const FIRST_KEY = new RegExp(`^[ \\t]*(?:-[ \\t]+)?["']?${KEY_NAME}["']?[ \\t]*:(?:[ \\t]|$)`);
const KEY_BEFORE = new RegExp(`(?:^|[\\s{,\\[])["']?${KEY_NAME}["']?[ \\t]*:[ \\t]*$`);
const KEY_AT_START = new RegExp(`^["']?${KEY_NAME}["']?[ \\t]*:`);

/** The first key of a line, when it is one the manifest knows (safe to name). */
function keyOfLine(line: string): string | undefined {
  return known(FIRST_KEY.exec(line)?.[1]);
}

/** The key just before a value (`... password: ` or `{ password: `), when the manifest knows it. */
function keyBefore(before: string): string | undefined {
  return known(KEY_BEFORE.exec(before)?.[1]);
}

/** The key a line starts with at the offset (a duplicated key). */
function keyAtStart(after: string): string | undefined {
  return known(KEY_AT_START.exec(after)?.[1]);
}

function known(key: string | undefined): string | undefined {
  return key !== undefined && KNOWN_KEYS.has(key) ? key : undefined;
}

/** A value just after a merge key: `<<: ` or `<<: [*a, `. */
function afterMergeKey(before: string): boolean {
  return /<<[ \t]*:[ \t]*(?:\[[^\]]*)?$/.test(before);
}

/** Where the value of a `key: value` line starts, and the value. */
function valueOfLine(line: string): { start: number; value: string } | undefined {
  const m = /^([ \t]*(?:-[ \t]+)?(?:"[^"]*"|'[^']*'|[^"'#:\s][^:#]*?)[ \t]*:[ \t]+)(\S.*)$/.exec(line);
  if (!m) return undefined;
  return { start: (m[1] as string).length, value: m[2] as string };
}

function keyData(key: string | undefined): { key: Shown } {
  return { key: ours(key ?? UNKNOWN_KEY) };
}

function indicator(key: string | undefined, char: string, at: ProblemSite): YamlProblem {
  return {
    messageId: 'indicator',
    data: {
      ...keyData(key),
      char: ours(`"${char}"`),
      reads: ours(INDICATORS[char] ?? 'syntax'),
      example: ours(key ? `${key}: '${char}...'` : `'${char}...'`),
    },
    at,
  };
}

/** A quoted value followed by more text on its line (`"Som"mer`, `'it's'`): the quote ends it early. */
function textAfterQuote(value: string): string | undefined {
  const quote = value.charAt(0);
  if (quote !== '"' && quote !== "'") return undefined;
  let i = 1;
  for (; i < value.length; i++) {
    const c = value.charAt(i);
    if (quote === '"' && c === '\\') i++;
    else if (quote === "'" && c === "'" && value.charAt(i + 1) === "'") i++;
    else if (c === quote) break;
  }
  if (i >= value.length) return undefined;
  const rest = value.slice(i + 1).trim();
  return rest !== '' && !rest.startsWith('#') ? quote : undefined;
}

/**
 * A value that holds a secret field's key (`smtp: password: Sommer 2024`, two lines joined): what
 * follows it is a secret, so the value is never quoted.
 */
const SECRET_KEY_INSIDE = /(?:secret|passw|pwd|token|apikey|api_key|credential)[\w-]{0,20}["']?[ \t]*:/i;

/** The example for a plain value holding ": ": the value itself in quotes when its field is not secret. */
function colonExample(key: string | undefined, value: string): Shown {
  const plain = stripComment(value).trim();
  const name = key ?? 'key';
  if (key === undefined || SECRET_KEYS.has(key) || key === 'clientId' || SECRET_KEY_INSIDE.test(plain)) return ours(`${name}: "..."`);
  const shown = showValue(`/${key}`, plain, { bare: true });
  if (!shown.includes('"')) return ours(`${name}: "${shown}"`);
  if (!shown.includes("'")) return ours(`${name}: '${shown}'`);
  return ours(`${name}: "..."`);
}

const DIRECTIVE =
  /^(?:duplication of %YAML directive|YAML directive accepts|ill-formed argument of the YAML directive|unacceptable YAML version|TAG directive accepts|ill-formed tag handle \(first argument\)|there is a previously declared suffix|ill-formed tag prefix|tag prefix is malformed|directive name must not be|directives end mark is expected)/;
const TAG =
  /^(?:duplication of a tag property|unexpected end of the stream within a verbatim tag|named tag handle cannot|tag suffix cannot|tag name cannot|tag name is malformed|undeclared tag handle|unacceptable node kind for|unknown tag|cannot resolve a node with)/;
const ANCHOR = /^(?:duplication of an anchor property|name of an anchor node must|name of an alias node must|alias node should not have any properties)/;
const QUOTE = /^unexpected end of the (?:stream|document) within a (?:single|double) quoted scalar/;
const ESCAPE = /^(?:unknown escape sequence|expected hexadecimal character)/;
const BLOCK_SCALAR = /^(?:a line break is expected|repeat of a chomping mode identifier|bad explicit indentation width|repeat of an indentation width identifier|missing indentation for block scalar)/;
const FLOW = /^(?:missed comma between flow collection entries|unexpected end of the stream within a flow collection|expected the node content, but found ',')/;
const MISSING_COLON = /^(?:can not read an implicit mapping pair|can not read a block mapping entry)/;
const BLOCK = /^(?:bad indentation of a mapping entry|bad indentation of a sequence entry|deficient indentation|end of the stream or a document separator is expected|incomplete explicit mapping pair)/;
const NON_PRINTABLE = /^(?:the stream contains non-printable characters|null byte is not allowed|expected valid JSON character)/;

/**
 * Turns a js-yaml error (its reason, and the lines where it stopped and where the node it was
 * reading starts) into a message ID and safe data for the `parse` rule, and where to point.
 */
export function describeYamlError(reason: string, context: ErrorContext): YamlProblem {
  const { error } = context;
  const node = context.node ?? error;
  const nodeKey = keyBefore(node.before);
  const nodeFirst = node.after.charAt(0);
  const errorLine = error.before + error.after;

  if (DIRECTIVE.test(reason)) return { messageId: 'directive', data: {}, at: 'directive' };
  if (TAG.test(reason)) {
    return nodeFirst === '!' ? indicator(nodeKey, '!', 'node') : { messageId: 'tag', data: keyData(nodeKey), at: 'node' };
  }
  if (reason.startsWith('unidentified alias')) {
    if (afterMergeKey(node.before)) return { messageId: 'alias', data: { key: ours(MERGE_KEY) }, at: 'node' };
    if (nodeFirst === '*' && (!context.anchors || (nodeKey !== undefined && SECRET_KEYS.has(nodeKey)))) return indicator(nodeKey, '*', 'node');
    return { messageId: 'alias', data: keyData(nodeKey), at: 'node' };
  }
  if (ANCHOR.test(reason)) return INDICATORS[nodeFirst] ? indicator(nodeKey, nodeFirst, 'node') : { messageId: 'syntax', data: {}, at: 'node' };
  if (QUOTE.test(reason)) return { messageId: 'unclosedQuote', data: keyData(nodeKey), at: 'node' };
  if (ESCAPE.test(reason)) return { messageId: 'escape', data: keyData(nodeKey), at: 'error' };
  if (BLOCK_SCALAR.test(reason)) {
    return nodeFirst === '|' || nodeFirst === '>' ? indicator(nodeKey, nodeFirst, 'node') : { messageId: 'syntax', data: {}, at: 'error' };
  }
  if (reason.startsWith('cannot merge mappings')) return { messageId: 'mergeSource', data: {}, at: 'merge' };
  if (reason.startsWith('abnormal merge sequence size')) return { messageId: 'mergeList', data: {}, at: 'merge' };
  if (reason.startsWith('merge keys exceeded')) return { messageId: 'aliases', data: { limit: context.limit }, at: 'merge' };
  if (reason.startsWith('duplicated mapping key')) {
    return { messageId: 'duplicateKey', data: keyData(keyAtStart(error.after) ?? keyOfLine(errorLine)), at: 'error' };
  }
  if (reason.startsWith('tab characters must not be used')) return { messageId: 'tabs', data: {}, at: 'error' };
  // a structural error on the line where a quote opened lines above is closed: that quote is the cause
  if (context.runawayQuote && (FLOW.test(reason) || MISSING_COLON.test(reason) || BLOCK.test(reason) || reason.startsWith('a whitespace character is expected'))) {
    return { messageId: 'unclosedQuote', data: keyData(keyBefore(context.runawayQuote.before)), at: 'quote' };
  }
  if (FLOW.test(reason)) {
    const stopped = error.after.charAt(0);
    const stoppedKey = keyBefore(error.before);
    if (INDICATORS[stopped] && stoppedKey !== undefined && !'{['.includes(stopped)) return indicator(stoppedKey, stopped, 'error');
    // { password: "Som"mer }: the quoted value ended early
    const quoted = QUOTED_VALUE_BEFORE.exec(error.before);
    if (quoted) return { messageId: 'textAfterQuote', data: { ...keyData(known(quoted[1])), char: ours(`"${(quoted[2] as string).charAt(0)}"`) }, at: 'error' };
    // { name: MV Nordic: Star }: a plain value holding ": " (unless it ends with a key: a comma missing)
    const plain = PLAIN_VALUE_BEFORE.exec(error.before);
    if (plain && /^:[ \t]/.test(error.after) && !known(/\s["']?([A-Za-z$][\w$]*)["']?[ \t]*$/.exec(plain[2] as string)?.[1])) {
      const key = known(plain[1]);
      const value = `${plain[2] as string}${/^[^,}\]]*/.exec(error.after)?.[0] ?? ''}`.trim();
      return { messageId: 'colonInValue', data: { ...keyData(key), example: colonExample(key, value) }, at: 'error' };
    }
    if ((nodeFirst === '[' || nodeFirst === '{') && nodeKey !== undefined && SCALAR_KEYS.has(nodeKey)) return indicator(nodeKey, nodeFirst, 'node');
    if (errorLine.includes('${') || (node.before + node.after).includes('${')) return { messageId: 'flowReference', data: {}, at: 'error' };
    return { messageId: 'flow', data: keyData(nodeKey ?? keyOfLine(errorLine)), at: 'error' };
  }
  if (reason.startsWith('a whitespace character is expected after the key-value separator')) {
    return { messageId: 'colonSpace', data: keyData(keyBefore(error.before)), at: 'error' };
  }
  if (MISSING_COLON.test(reason)) return { messageId: 'missingColon', data: {}, at: 'error' };
  if (BLOCK.test(reason)) {
    const key = keyOfLine(errorLine);
    const found = valueOfLine(errorLine);
    // the value of this line is what js-yaml could not read
    if (found && error.before.length >= found.start) {
      const first = found.value.charAt(0);
      const quote = textAfterQuote(found.value);
      if (quote) return { messageId: 'textAfterQuote', data: { ...keyData(key), char: ours(`"${quote}"`) }, at: 'error' };
      if (INDICATORS[first] && (first !== '-' || /^-[ \t]/.test(found.value))) return indicator(key, first, 'error');
      if (/:[ \t]/.test(stripComment(found.value))) {
        return { messageId: 'colonInValue', data: { ...keyData(key), example: colonExample(key, found.value) }, at: 'error' };
      }
    }
    return { messageId: 'indentation', data: {}, at: 'error' };
  }
  if (NON_PRINTABLE.test(reason)) return { messageId: 'nonPrintable', data: {}, at: 'error' };
  if (/maximum nesting depth|nesting exceeded/.test(reason)) return { messageId: 'tooDeep', data: {}, at: 'error' };
  return { messageId: 'syntax', data: {}, at: 'error' };
}

/** An anchor no alias uses on a single value (`password: &Sommer 2024`): YAML reads only what follows the name. */
export function describeScalarAnchor(site: LineSplit): YamlProblem {
  const key = keyBefore(site.before);
  return { messageId: 'anchorInValue', data: { ...keyData(key), example: ours(key ? `${key}: '&...'` : `'&...'`) }, at: 'node' };
}

/** An anchor on an empty value (`password: &Sommer2024`): the value YAML read is empty, the one typed is lost. */
export function describeEmptyAnchor(site: LineSplit): YamlProblem {
  const key = keyBefore(site.before);
  return { messageId: 'anchorEmpty', data: { ...keyData(key), example: ours(key ? `${key}: '&...'` : `'&...'`) }, at: 'node' };
}
