/**
 * Where a text stops being strict JSON (RFC 8259), and why, in words that never quote the text:
 * a .json manifest holds secrets, and the engine's own messages (V8's "Unexpected token 'k',
 * "...Secret": k7Q~vT2.xY"... is not valid JSON") would print a piece of one. Also gives the
 * place for the errors whose engine message has no position.
 *
 *   value  = ws ( object | array | string | number | "true" | "false" | "null" ) ws
 *   object = "{" ws [ string ws ":" value *( "," ws string ws ":" value ) ] "}"
 *   array  = "[" [ value *( "," value ) ] "]"
 *
 * One pass, no recursion (a deep nesting cannot overflow the stack), no backtracking.
 */
export interface JsonSyntaxError {
  /** Offset of the first character that cannot be there (the text's length at an early end). */
  readonly offset: number;
  readonly reason: string;
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;
const END = 'the file ends too early: a string, an object { } or a list [ ] is not closed';

type State = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'after';

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** The first strict-JSON error of `text`, or undefined when it is strict JSON. */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const n = text.length;
  const stack: Array<'{' | '['> = [];
  let i = 0;
  let state: State = 'value';
  let afterComma = false;
  const fail = (reason: string, at = i): JsonSyntaxError => ({ offset: Math.min(at, n), reason });

  const readString = (): JsonSyntaxError | undefined => {
    const start = i;
    i++;
    while (i < n) {
      const code = text.charCodeAt(i);
      if (code === 0x22) {
        i++;
        return undefined;
      }
      if (code === 0x5c) {
        const next = text.charAt(i + 1);
        if (next !== '' && '"\\/bfnrt'.includes(next)) i += 2;
        else if (next === 'u' && HEX4.test(text.slice(i + 2, i + 6))) i += 6;
        else return fail('a backslash in a string must start an escape such as \\\\, \\" or \\u00e9 (a Windows path needs \\\\ for each \\)');
        continue;
      }
      if (code === 0x0a || code === 0x0d) return fail('a string is not closed before the end of the line: add the closing "');
      if (code < 0x20) return fail('a control character (a tab?) inside a string: write it as an escape such as \\t');
      i++;
    }
    return fail('a string is not closed: add the closing "', start);
  };

  const unexpected = (c: string, expected: string): JsonSyntaxError => {
    if (c === '') return fail(END);
    if (c === '/' || c === '#') return fail('JSON has no comments: remove it');
    if (c === "'") return fail(`${expected}; JSON quotes text with double quotes ", not single quotes`);
    return fail(expected);
  };

  for (;;) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    const c = text.charAt(i);
    if (state === 'after') {
      const top = stack[stack.length - 1];
      if (top === undefined) return i >= n ? undefined : unexpected(c, 'more text after the end of the JSON object: a .json manifest is one object');
      if (c === ',') {
        i++;
        state = top === '{' ? 'key' : 'value';
        afterComma = true;
      } else if ((top === '{' && c === '}') || (top === '[' && c === ']')) {
        i++;
        stack.pop();
      } else {
        return unexpected(c, top === '{' ? "expected ',' or '}' after a value in an object (a comma missing?)" : "expected ',' or ']' after an element of a list (a comma missing?)");
      }
      continue;
    }
    if (state === 'key' || state === 'key-or-close') {
      if (c === '}' && state === 'key-or-close') {
        i++;
        stack.pop();
        state = 'after';
        continue;
      }
      if (c !== '"') {
        if (c === '}' && afterComma) return fail('a comma before }: remove the trailing comma');
        return unexpected(c, 'expected a property name in double quotes, such as "schemaVersion"');
      }
      const error = readString();
      if (error) return error;
      while (i < n && isSpace(text.charCodeAt(i))) i++;
      if (text.charAt(i) !== ':') return unexpected(text.charAt(i), "expected ':' after the property name");
      i++;
      state = 'value';
      afterComma = false;
      continue;
    }
    // a value, or the end of an empty list
    if (c === ']' && state === 'value-or-close') {
      i++;
      stack.pop();
      state = 'after';
      continue;
    }
    if (c === '{' || c === '[') {
      if (stack.length >= 10_000) return fail('the text is nested too deeply');
      stack.push(c);
      i++;
      state = c === '{' ? 'key-or-close' : 'value-or-close';
      afterComma = false;
      continue;
    }
    if (c === '"') {
      const error = readString();
      if (error) return error;
      state = 'after';
      continue;
    }
    if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      const start = i;
      if (!m) return fail('a number is written wrong: JSON numbers are like 995, -1 or 2.5');
      i += m[0].length;
      if (/[0-9.eE+\-]/.test(text.charAt(i))) return fail('a number is written wrong: no leading zeros, a digit after the point (995, 0.5, 2.5e3)', start);
      state = 'after';
      continue;
    }
    const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
    if (word) {
      i += word.length;
      state = 'after';
      continue;
    }
    if ((c === ']' || c === '}') && afterComma) return fail(`a comma before ${c}: remove the trailing comma`);
    return unexpected(c, 'expected a value: a "text in double quotes", a number, true, false, null, an object { } or a list [ ]');
  }
}
