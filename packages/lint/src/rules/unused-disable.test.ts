import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../engine/config.js';
import { lintText } from '../engine/lint-document.js';
import { OFFICE, VESSEL } from '../test-utils/fixtures.js';
import { RULES } from './index.js';

const lint = (text: string, config: unknown = {}) =>
  lintText(text, { filePath: 'x.yaml' }, { config: resolveConfig(RULES, { config }), today: '2026-11-29', rules: RULES }).flatMap((r) => r.messages);

/** The office with the POP3-less Mail Settings scope swapped for the Exchange Online one. */
const WRONG_SCOPE = OFFICE.replace('scope: https://graph.microsoft.com/.default', 'scope: https://outlook.office365.com/.default');

describe('unused-disable', () => {
  it('is silent where every comment silences a finding', () => {
    const text = WRONG_SCOPE.replace('    scope:', '    # tmcheck-disable-next-line oauth2/scope -- sends through a test tenant\n    scope:');
    const found = lint(text);
    expect(found.filter((m) => !m.suppressed)).toEqual([]);
    expect(found.map((m) => [m.ruleId, m.suppressed?.justification])).toEqual([['oauth2/scope', 'sends through a test tenant']]);
  });

  it.each([
    ['unused', '  # tmcheck-disable-next-line oauth2/scope -- left over\n  smtpServer:', OFFICE],
    ['unknownRule', '# tmcheck-disable oauth2/scopes -- typo\nschemaVersion:', OFFICE],
    ['noRule', '# tmcheck-disable -- no rule named\nschemaVersion:', OFFICE],
  ])('reports %s', (messageId, replacement, base) => {
    const find = replacement.includes('smtpServer') ? '  smtpServer:' : 'schemaVersion:';
    const found = lint(base.replace(find, replacement));
    expect(found.map((m) => [m.ruleId, m.messageId, m.severity])).toEqual([['unused-disable', messageId, 'warning']]);
    expect(found[0]!.message).toContain('tmcheck-disable');
  });

  it('reports a next-line comment with no line after it', () => {
    const found = lint(`${VESSEL}# tmcheck-disable-next-line oauth2/scope\n`);
    expect(found.map((m) => m.messageId)).toEqual(['noNextLine']);
  });

  it('can be switched off, and does not judge a comment of a rule that is off', () => {
    const text = OFFICE.replace('  smtpServer:', '  # tmcheck-disable-next-line oauth2/scope\n  smtpServer:');
    expect(lint(text, { rules: { 'unused-disable': 'off' } })).toEqual([]);
  });
});
