import { describe, expect, it } from 'vitest';
import type { ProbeReport } from '../report.js';
import { formatJson } from './json.js';
import { formatText } from './text.js';

const report: ProbeReport = {
  filePath: 'fleet/nordic-star.yaml',
  lint: [],
  problems: [],
  totals: { passed: 1, failed: 1, skipped: 1, notRun: 0 },
  exitCode: 1,
  installations: [
    {
      document: 0,
      installation: 'MV Nordic Star',
      sections: [
        {
          id: 'exchangePop3',
          name: 'TM Exchange POP3',
          pointer: '/exchange/pop3',
          channel: 'pop3',
          steps: [
            { id: 'token', name: 'Token', status: 'passed', summary: 'Entra ID issued an access token', causes: [], durationMs: 120 },
            {
              id: 'sign-in',
              name: 'POP3 sign-in (XOAUTH2)',
              status: 'failed',
              summary: 'the server refused the token: -ERR bad\u001b[2J\u0085forged line',
              causes: [
                { field: 'Azure > Service principal ID', pointer: '/azure/exchangeOnline/servicePrincipalId', fix: 'run New-ServicePrincipal' },
                { place: 'Exchange Online PowerShell', fix: 'Set-CASMailbox -PopEnabled $true' },
              ],
              details: { reply: '-ERR bad' },
            },
            { id: 'mailbox', name: 'POP3 mailbox (STAT)', status: 'skipped', summary: 'not signed in', causes: [] },
          ],
        },
      ],
    },
  ],
};

describe('formatText', () => {
  it('is a checklist: each step passed or FAILED, the causes numbered, the totals and the verdict', () => {
    const text = formatText(report, { color: false });
    expect(text).toContain('  passed   Token                   Entra ID issued an access token  (120 ms)');
    expect(text).toContain('  FAILED   POP3 sign-in (XOAUTH2)');
    expect(text).toContain('1. Azure > Service principal ID: run New-ServicePrincipal');
    expect(text).toContain('2. Exchange Online PowerShell: Set-CASMailbox -PopEnabled $true');
    expect(text).toContain('1 passed, 1 failed, 1 skipped, 0 not run: a check failed');
  });

  it('escapes control characters a server sent: no line can be forged, no terminal rewritten', () => {
    const text = formatText(report, { color: false });
    expect(text).toContain('-ERR bad\\u001b[2J\\u0085forged line');
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('colours only when asked', () => {
    expect(formatText(report, { color: true })).toContain('\u001b[');
  });
});

describe('formatJson', () => {
  it('parses back to the documented shape, with the first cause as field and fix', () => {
    const parsed = JSON.parse(formatJson(report, { toolName: 'tmcheck', toolVersion: '1.2.0' }));
    expect(Object.keys(parsed)).toEqual(['tool', 'filePath', 'exitCode', 'ok', 'totals', 'problems', 'installations', 'lint']);
    expect(parsed).toMatchObject({ tool: { name: 'tmcheck', version: '1.2.0' }, filePath: 'fleet/nordic-star.yaml', exitCode: 1, ok: false });
    const section = parsed.installations[0].sections[0];
    expect(section).toMatchObject({ section: 'TM Exchange POP3', id: 'exchangePop3', pointer: '/exchange/pop3', channel: 'pop3' });
    expect(section.steps[1]).toMatchObject({
      step: 'sign-in',
      status: 'failed',
      field: 'Azure > Service principal ID',
      pointer: '/azure/exchangeOnline/servicePrincipalId',
      fix: 'run New-ServicePrincipal',
      causes: [{ field: 'Azure > Service principal ID' }, { place: 'Exchange Online PowerShell' }],
      details: { reply: '-ERR bad' },
    });
    expect(section.steps[0]).not.toHaveProperty('field');
  });
});
