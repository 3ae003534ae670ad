import { defineRule } from '../engine/define-rule.js';

/** Reported by the engine (engine/schema-findings.ts) from the generated manifest validator. */
export default defineRule({
  id: 'schema',
  severity: 'error',
  docs: { description: 'The manifest has the structure of manifest.schema.json: required fields, types, allowed values, no unknown properties' },
  fixable: false,
  check() {},
});
