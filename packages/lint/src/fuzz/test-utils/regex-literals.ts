/**
 * The regular expressions of a TypeScript source: every literal (`/.../flags`), found by a small lexer
 * that knows strings, template literals (and the code inside `${ }`), comments, and where a `/` starts a
 * regular expression rather than a division; and every `new RegExp(...)` call, with its pattern when it
 * is a string literal.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface RegexLiteral {
  readonly file: string;
  readonly line: number;
  readonly source: string;
  readonly flags: string;
}

export interface RegexCall {
  readonly file: string;
  readonly line: number;
  /** The pattern, when the first argument is a string literal; undefined when it is computed. */
  readonly source?: string;
  readonly flags: string;
  /** The call as written (its first 120 characters). */
  readonly text: string;
}

const KEYWORDS = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'instanceof', 'yield', 'await']);
/** After these a `/` starts a regular expression (an operand is expected). */
const BEFORE_REGEX = new Set(['(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^', '']);

function isIdent(c: string): boolean {
  return /[A-Za-z0-9_$]/.test(c);
}

/** Reads a string literal starting at `i` (its quote); returns the index after it. */
function skipString(src: string, i: number): number {
  const quote = src.charAt(i);
  let j = i + 1;
  while (j < src.length && src.charAt(j) !== quote) j += src.charAt(j) === '\\' ? 2 : 1;
  return j + 1;
}

export function regexLiterals(src: string, file = ''): RegexLiteral[] {
  const out: RegexLiteral[] = [];
  const lineOf = (at: number): number => src.slice(0, at).split('\n').length;
  /** Lexes code from `i` until an unmatched `}` (inside `${ }`) or the end; returns where it stopped. */
  const code = (start: number, inTemplate: boolean): number => {
    let i = start;
    let prev = '';
    let depth = 0;
    while (i < src.length) {
      const c = src.charAt(i);
      const next = src.charAt(i + 1);
      if (c === '/' && next === '/') {
        const nl = src.indexOf('\n', i);
        i = nl === -1 ? src.length : nl;
        continue;
      }
      if (c === '/' && next === '*') {
        const end = src.indexOf('*/', i + 2);
        i = end === -1 ? src.length : end + 2;
        continue;
      }
      if (c === '"' || c === "'") {
        i = skipString(src, i);
        prev = 'str';
        continue;
      }
      if (c === '`') {
        i = template(i + 1);
        prev = 'str';
        continue;
      }
      if (/\s/.test(c)) {
        i++;
        continue;
      }
      if (c === '/') {
        if (BEFORE_REGEX.has(prev) || KEYWORDS.has(prev)) {
          let j = i + 1;
          let inClass = false;
          while (j < src.length) {
            const d = src.charAt(j);
            if (d === '\\') {
              j += 2;
              continue;
            }
            if (d === '\n') break;
            if (d === '[') inClass = true;
            else if (d === ']') inClass = false;
            else if (d === '/' && !inClass) break;
            j++;
          }
          let k = j + 1;
          while (k < src.length && /[dgimsuyv]/.test(src.charAt(k))) k++;
          out.push({ file, line: lineOf(i), source: src.slice(i + 1, j), flags: src.slice(j + 1, k) });
          i = k;
          prev = 'regex';
          continue;
        }
        i++;
        prev = '/';
        continue;
      }
      if (isIdent(c)) {
        let j = i;
        while (j < src.length && isIdent(src.charAt(j))) j++;
        prev = src.slice(i, j);
        i = j;
        continue;
      }
      if (c === '{') depth++;
      if (c === '}') {
        if (inTemplate && depth === 0) return i + 1;
        depth--;
      }
      // `=>` ends with `>`, after which an operand (a regular expression) may come
      prev = c === ')' || c === ']' ? ')' : c;
      i++;
    }
    return i;
  };
  /** Skips a template literal's text from `start` (after the backtick), lexing the code of each `${ }`. */
  const template = (start: number): number => {
    let i = start;
    while (i < src.length) {
      const c = src.charAt(i);
      if (c === '\\') {
        i += 2;
        continue;
      }
      if (c === '`') return i + 1;
      if (c === '$' && src.charAt(i + 1) === '{') {
        i = code(i + 2, true);
        continue;
      }
      i++;
    }
    return i;
  };
  code(0, false);
  return out;
}

/** The `new RegExp(...)` calls of a source. */
export function regexCalls(src: string, file = ''): RegexCall[] {
  const out: RegexCall[] = [];
  for (const m of src.matchAll(/new RegExp\(/g)) {
    const at = (m.index ?? 0) + m[0].length;
    const text = src.slice(m.index ?? 0, (m.index ?? 0) + 120).split('\n')[0] as string;
    const line = src.slice(0, m.index).split('\n').length;
    const first = src.charAt(at);
    if (first === '"' || first === "'") {
      const end = skipString(src, at);
      const literal = src.slice(at, end);
      const source = first === '"' ? (JSON.parse(literal) as string) : (JSON.parse(`"${literal.slice(1, -1).replace(/"/g, '\\"')}"`) as string);
      const flags = /^\s*,\s*["']([a-z]*)["']/.exec(src.slice(end))?.[1] ?? '';
      out.push({ file, line, source, flags, text });
    } else out.push({ file, line, flags: '', text });
  }
  return out;
}

/** The TypeScript sources under a folder: no tests, no test helpers, no build output. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) {
      if (entry !== 'node_modules' && entry !== 'dist' && entry !== 'test-utils' && entry !== 'testing' && entry !== 'fuzz') out.push(...sourceFiles(full));
    } else if (full.endsWith('.ts') && !full.endsWith('.test.ts') && !full.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** Every regular expression of the sources under the folders, files named relative to `root`. */
export function regexesOf(root: string, dirs: readonly string[]): { literals: RegexLiteral[]; calls: RegexCall[] } {
  const literals: RegexLiteral[] = [];
  const calls: RegexCall[] = [];
  for (const dir of dirs) {
    for (const file of sourceFiles(join(root, dir))) {
      const src = readFileSync(file, 'utf8');
      const name = relative(root, file).split('\\').join('/');
      literals.push(...regexLiterals(src, name));
      calls.push(...regexCalls(src, name));
    }
  }
  return { literals, calls };
}
