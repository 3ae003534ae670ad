import { defineRule } from '../engine/define-rule.js';

/** The messages the engine reports for the manifest schema (engine/schema-findings.ts). */
export const SCHEMA_MESSAGES = {
  unknownProperty: '{{field}} has a property {{name}} that the manifest does not know: the properties allowed here are {{allowed}}',
  misspelt: '{{field}} has a property {{name}} that the manifest does not know: did you mean {{suggestion}}? Rename it to {{suggestion}}',
  required: '{{field}} is missing, which is required: add {{example}}',
  requiredSection: '{{field}} is missing, which is required: add it, such as {{example}}',
  serverServiceRequired:
    '{{field}} is required when TM Exchange (exchange) is configured: TM Exchange runs in the TM Master V2 Server Service, so add {{example}} with its build',
  wrongType: '{{field}} must be {{expected}}, not {{found}}',
  quotedValue: '{{field}} is written as text {{found}}, but it is {{expected}}: write it without quotes, {{example}}',
  unquotedText: '{{field}} must be text, not {{found}}: write it in quotes, such as {{example}}',
  notOneOf: '{{field}} must be one of {{allowed}}; found {{found}}',
  notConst: '{{field}} must be {{expected}}; found {{found}}',
  outOfRange: '{{field}} must be {{range}}; found {{found}}',
  notDate: '{{field}} must be a date written YYYY-MM-DD, such as 2027-06-30; found {{found}}',
  empty: '{{field}} must not be empty: {{hint}}',
  /** For a keyword the schema may gain later: no keyword of today's schema reaches it. */
  invalid: '{{field}} breaks the manifest schema: {{detail}}',
  notMapping: '{{field}} must be a mapping of fields (schemaVersion: 1, installation: ..., ...), not a single value or a list',
  noManifest: '{{field}} holds no manifest: it is empty or only comments; a manifest starts with schemaVersion: 1',
} as const;

/** Reported by the engine (engine/schema-findings.ts) from the generated manifest validator. */
export default defineRule({
  id: 'schema',
  severity: 'error',
  docs: { description: 'The manifest has the structure of manifest.schema.json: required fields, types, allowed values, no unknown properties' },
  fixable: true,
  messages: SCHEMA_MESSAGES,
  check() {},
});
