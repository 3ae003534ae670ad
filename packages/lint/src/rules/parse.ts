import { defineRule } from '../engine/define-rule.js';

/**
 * The loader's messages (load/parse-documents.ts, load/yaml-errors.ts): a document that cannot be
 * read stops here. None quotes the file: a key is named only when the schema knows it, a character
 * only from a small set of YAML indicators.
 */
export const PARSE_MESSAGES = {
  syntax: 'YAML syntax error: the text cannot be read as YAML here; check the indentation (spaces, each level deeper than its parent) and put values with special characters in quotes',
  indentation: 'YAML syntax error: bad indentation: each field must start in the same column as the fields beside it, and a section\'s fields deeper than its key (use spaces)',
  indicator: 'YAML syntax error: the value of {{key}} starts with {{char}}, which YAML reads as {{reads}}: put the whole value in quotes, such as {{example}}',
  anchorEmpty:
    'the value of {{key}} starts with "&", which YAML reads as an anchor (&name): what follows is taken as the anchor\'s name, so the field is read as empty and the value is lost; put the whole value in quotes, such as {{example}}',
  anchorInValue:
    'the value of {{key}} starts with "&", which YAML reads as an anchor (&name) that nothing refers to: the text up to the first space is taken as the anchor\'s name and dropped, and only the rest is read as the value; put the whole value in quotes, such as {{example}}',
  colonInValue:
    'YAML syntax error: the value of {{key}} holds ": " (a colon and a space), which YAML reads as the start of another key (a plain value cannot hold a mapping): put the whole value in quotes, such as {{example}}',
  textAfterQuote:
    'YAML syntax error: the value of {{key}} starts with the quote {{char}}, so YAML ends it at the next {{char}}, and more text follows on the line: put the whole value in quotes of the other kind, or double the \' inside \'...\' (\'\') and write \\" inside "..."',
  colonSpace: 'YAML syntax error: the colon after {{key}} must be followed by a space (key: value): add a space after the colon',
  missingColon: 'YAML syntax error: a line in a section has no "key: value": write each field as its key, a colon, a space and its value, and continue a long value on lines indented deeper than its key',
  tag: 'YAML syntax error: a value of {{key}} uses a YAML tag (!...) tmcheck does not read: put the value in quotes',
  alias: 'YAML syntax error: {{key}} refers to an anchor (*name) that is not defined before it: define the anchor (&name) first, or put the value in quotes if it starts with *',
  mergeSource:
    'YAML syntax error: a merge key (<<) takes an alias of a mapping, such as <<: *exchange-defaults, or a list of them, such as <<: [*smtp-defaults, *pop3-defaults]; this one merges a single value or a list: point it at a mapping, or write a key named << in quotes',
  mergeList: 'YAML syntax error: a merge key (<<) lists more than 100 mappings: a manifest needs one or two, such as <<: [*smtp-defaults, *pop3-defaults]',
  duplicateKey: 'YAML syntax error: {{key}} appears twice in the same section, and which of the two values TM Master would take cannot be known: keep one of them',
  tabs: 'YAML syntax error: a line is indented with a tab character: indent with spaces only',
  unclosedQuote: 'YAML syntax error: the quoted value of {{key}} is never closed: end it with the same quote it starts with',
  escape: 'YAML syntax error: a double-quoted value of {{key}} has a backslash that starts no valid escape: write \\\\ for a backslash, or use single quotes',
  flow: 'YAML syntax error: a { } or [ ] of {{key}} is not closed or lacks a comma between its entries',
  flowReference: 'YAML syntax error: a ${NAME} reference inside { } or [ ] must be quoted, such as password: "${TM_PASSWORD}"',
  directive:
    'YAML syntax error: a line starting with % at the top of a document is read as a YAML directive (such as %YAML 1.2), which must be well formed and followed by a line ---: remove the line, or put a key or value that starts with % in quotes',
  nonPrintable: 'YAML syntax error: the file holds a non-printable character: save it again as plain text',
  tooDeep: 'YAML syntax error: the document nests deeper than a manifest ever does: remove the extra levels',
  json: 'JSON syntax error: {{detail}} (a .json manifest is strict JSON: no trailing commas, comments or single quotes; write YAML in a .yaml file for those)',
  aliases: 'aliases expand this document to more than {{limit}} nodes: a manifest needs no more than a few hundred; remove the nested aliases (*name) and merges (<<)',
  tooLarge: '{{detail}}',
  encoding: '{{detail}}',
  unreadable: '{{detail}}',
} as const;

/** Reported by the loader (load/parse-documents.ts): a document that cannot be read stops here. */
export default defineRule({
  id: 'parse',
  severity: 'error',
  docs: { description: 'The file can be read as YAML or JSON: valid syntax, UTF-8 or UTF-16 with BOM, within the size and alias limits' },
  fixable: false,
  messages: PARSE_MESSAGES,
  check() {},
});
