import { defineRule } from '../engine/define-rule.js';

/** Reported by the loader (load/parse-documents.ts): a document that cannot be read stops here. */
export default defineRule({
  id: 'parse',
  severity: 'error',
  docs: { description: 'The file can be read as YAML or JSON: valid syntax, UTF-8 or UTF-16 with BOM, within the size and alias limits' },
  fixable: false,
  check() {},
});
