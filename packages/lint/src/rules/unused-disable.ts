import { defineRule } from '../engine/define-rule.js';

/** The engine's messages about inline exceptions (engine/directives.ts, engine/lint-document.ts). */
export const UNUSED_DISABLE_MESSAGES = {
  unused: '{{field}} {{rules}} silences nothing here: remove the comment, or move it to the line it is meant for',
  unknownRule: '{{field}} names {{rules}}, which is no rule of tmcheck: write rule IDs such as oauth2/scope (tmcheck rules lists them all)',
  noRule: '{{field}} names no rule: write the rule IDs it silences, such as # {{directive}} oauth2/secret-plaintext -- the reason',
  noNextLine: '{{field}} has no line after it to silence: put it just above the line it is meant for',
} as const;

/** Reported by the engine: an inline `# tmcheck-disable...` comment that silences nothing. */
export default defineRule({
  id: 'unused-disable',
  severity: 'warning',
  docs: { description: 'Every # tmcheck-disable comment silences a finding of a rule that exists: none is left over after the mistake was fixed' },
  fixable: false,
  messages: UNUSED_DISABLE_MESSAGES,
  check() {},
});
