import { VERSION_MAX_LENGTH, VERSION_PART_MAX, type VersionSyntaxError } from '@tmcheck/versions';
import { defineRule } from '../../engine/define-rule.js';
import { EXAMPLE_VERSION, parseVersion, versionFields, type VersionField } from '../../rule-kit/version-fields.js';
import { ours, showValue, type Shown } from '../../secrets/show.js';

/** The parts of a version, in order, as messages name them. */
const PARTS = ['major version', 'DB version', 'build number', 'revision'] as const;

/** What to type, the end of most messages. */
const TYPE_IT = `type the version as TM Master shows it, 2.DB.BUILD.REVISION such as ${EXAMPLE_VERSION}`;

function partName(index: number): Shown {
  return ours(PARTS[index] ?? 'part');
}

/**
 * Which part the column is in: the dots before it. Every error column of the parser (but
 * `too-long`'s) follows a text that is the start of some valid version, so the count is the part's index.
 */
function partAt(text: string, column: number): number {
  let dots = 0;
  for (let i = 0; i < column - 1 && i < text.length; i++) if (text.charCodeAt(i) === 46) dots++;
  return dots;
}

/** The character at the column as the gate shows it, with its code point when it is not plain ASCII. */
function characterAt(field: VersionField, column: number): Shown {
  const cp = field.text.codePointAt(column - 1);
  if (cp === undefined) return ours('the end');
  const shown = showValue(field.pointer, String.fromCodePoint(cp));
  if (cp >= 0x21 && cp <= 0x7e) return shown;
  return ours(`${shown} (U+${cp.toString(16).toUpperCase().padStart(4, '0')})`);
}

/** The digits of the number starting at the column. */
function numberAt(text: string, column: number): string {
  let end = column - 1;
  while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
  return text.slice(column - 1, end);
}

/** What fits at the column of an unexpected character, from the parser's `expected` and the part it is in. */
function expectedThere(error: VersionSyntaxError, part: number): Shown {
  switch (error.expected) {
    case 'a digit':
      return ours(`a digit should start the ${partName(part)}`);
    case 'a "."':
      return ours(`a "." should come, then the ${partName(part + 1)}`);
    case 'a "." or the end':
      return ours('a "." and the revision should come, or nothing more');
    default:
      return ours('the version should end');
  }
}

export default defineRule({
  id: 'version/syntax',
  severity: 'error',
  docs: { description: `The client and Server Service versions are written 2.DB.BUILD.REVISION, e.g. "${EXAMPLE_VERSION}"` },
  fixable: false,
  messages: {
    notFilledIn: `{{field}} is not filled in: ${TYPE_IT}`,
    tooLong: `{{field}} is {{length}} characters long, but a version is at most {{max}}: ${TYPE_IT}, and nothing else`,
    unexpectedCharacter: `{{field}} {{value}} has {{found}} at column {{column}}, where {{expected}}: ${TYPE_IT}`,
    leadingZero:
      `{{field}} {{value}} has a leading zero at column {{column}}, in the {{part}}: TM Master writes its numbers without one; ` +
      `type {{number}} there, as in ${EXAMPLE_VERSION}`,
    outOfRange: `{{field}} {{value}} has the {{part}} {{number}} at column {{column}}, above {{max}}, the largest a version part can be: ${TYPE_IT}`,
    missingPart: `{{field}} {{value}} stops after the {{previous}}: the {{part}} is missing at column {{column}}; ${TYPE_IT}`,
    trailingDot: `{{field}} {{value}} ends with a ".": the {{part}} is missing at column {{column}}; {{todo}} (2.DB.BUILD.REVISION, such as ${EXAMPLE_VERSION})`,
    tooManyParts:
      `{{field}} {{value}} has a fifth part, from the "." at column {{column}}, but a version has at most four (2.DB.BUILD.REVISION): ` +
      `type the version as TM Master shows it, such as ${EXAMPLE_VERSION}`,
  },
  check(ctx) {
    for (const field of versionFields(ctx.manifest)) {
      const result = parseVersion(field.text);
      if (result.ok) continue;
      const { column } = result.error;
      const pointer = field.pointer;
      // the value as written: the columns count the spaces around it
      const value = showValue(pointer, field.text);
      const part = partAt(field.text, column);
      switch (result.error.code) {
        case 'not-a-string': // only from untyped JavaScript: a text field is always text
          break;
        case 'empty':
          ctx.report({ messageId: 'notFilledIn', pointer });
          break;
        case 'too-long':
          ctx.report({ messageId: 'tooLong', pointer, data: { length: field.text.length, max: VERSION_MAX_LENGTH } });
          break;
        case 'unexpected-character':
          ctx.report({
            messageId: 'unexpectedCharacter',
            pointer,
            data: { value, column, found: characterAt(field, column), expected: expectedThere(result.error, part) },
          });
          break;
        case 'leading-zero': {
          const number = showValue(pointer, numberAt(field.text, column).replace(/^0+(?=\d)/, ''));
          ctx.report({ messageId: 'leadingZero', pointer, data: { value, column, part: partName(part), number } });
          break;
        }
        case 'out-of-range': {
          const number = showValue(pointer, numberAt(field.text, column), { bare: true });
          ctx.report({ messageId: 'outOfRange', pointer, data: { value, column, part: partName(part), number, max: VERSION_PART_MAX } });
          break;
        }
        case 'missing-part':
          ctx.report({ messageId: 'missingPart', pointer, data: { value, column, previous: partName(part), part: partName(part + 1) } });
          break;
        case 'trailing-dot': {
          const todo = ours(part === 3 ? 'type the revision after it, or remove the "."' : `type the ${partName(part)} after it`);
          ctx.report({ messageId: 'trailingDot', pointer, data: { value, column, part: partName(part), todo } });
          break;
        }
        case 'too-many-parts':
          ctx.report({ messageId: 'tooManyParts', pointer, data: { value, column } });
          break;
      }
    }
  },
});
