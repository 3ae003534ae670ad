import { win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarize, type Finding, type Severity } from '../finding.js';
import { RULES } from '../rules/index.js';
import { gitlab, type CodeQualityIssue } from './gitlab.js';
import { reportPath, type FormatterContext } from './types.js';

const context: FormatterContext = { color: false, toolName: 'tmcheck', toolVersion: '1.2.0', rules: RULES, cwd: '/srv/repo' };

function finding(severity: Severity, message: string, extra: Partial<Finding> = {}): Finding {
  return { ruleId: 'oauth2/scope', messageId: 'wrongResource', severity, message, pointer: '/exchange/pop3/oauth2/scope', line: 41, column: 14, endLine: 41, endColumn: 51, ...extra };
}

const KEYS = ['check_name', 'description', 'fingerprint', 'location', 'severity'];

describe('gitlab', () => {
  it('is a Code Quality report: an issue per finding with description, check_name, fingerprint, severity, location.path and lines.begin', () => {
    const results = [
      summarize({ filePath: '/srv/repo/fleet/nordic-star.yaml', document: 0, installation: 'MV Nordic Star' }, [
        finding('error', 'POP3 needs the scope https://outlook.office365.com/.default'),
        finding('warning', 'Timeout is 5 seconds', { ruleId: 'exchange/timeout', pointer: '/exchange/smtp/timeoutSeconds', line: 30, endLine: 31 }),
        finding('info', 'DB 699 is not in the table', { ruleId: 'version/unknown-db', pointer: '/database/version', line: 9, endLine: 9 }),
        finding('warning', 'silenced', { ruleId: 'oauth2/secret-plaintext', suppressed: { kind: 'inline', justification: '' } }),
      ]),
      summarize({ filePath: 'fleet/clean.yaml', document: 0, installation: 'Bergen office' }, []),
    ];
    const issues = JSON.parse(gitlab(results, context)) as CodeQualityIssue[];
    expect(Array.isArray(issues)).toBe(true);
    expect(issues).toHaveLength(3);
    for (const issue of issues) {
      expect(Object.keys(issue).sort()).toEqual(KEYS);
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{64}$/);
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(issue.severity);
      expect(Number.isInteger(issue.location.lines.begin)).toBe(true);
    }
    expect(issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines.begin, i.location.lines.end, i.description])).toEqual([
      ['oauth2/scope', 'critical', 'fleet/nordic-star.yaml', 41, 41, 'POP3 needs the scope https://outlook.office365.com/.default'],
      ['exchange/timeout', 'major', 'fleet/nordic-star.yaml', 30, 31, 'Timeout is 5 seconds'],
      ['version/unknown-db', 'info', 'fleet/nordic-star.yaml', 9, 9, 'DB 699 is not in the table'],
    ]);
    expect(gitlab([], context)).toBe('[]\n');
  });

  it('keeps fingerprints when lines move, and tells findings apart', () => {
    const at = (line: number, document = 0, extra: Partial<Finding> = {}) =>
      JSON.parse(gitlab([summarize({ filePath: 'fleet/a.yaml', document, installation: null }, [finding('error', 'x', { line, endLine: line, ...extra })])], context)) as CodeQualityIssue[];
    expect(at(41)[0]?.fingerprint).toBe(at(52)[0]?.fingerprint);
    expect(at(41)[0]?.fingerprint).not.toBe(at(41, 1)[0]?.fingerprint);
    expect(at(41)[0]?.fingerprint).not.toBe(at(41, 0, { pointer: '/exchange/smtp/oauth2/scope' })[0]?.fingerprint);
    expect(at(41)[0]?.fingerprint).not.toBe(at(41, 0, { messageId: 'other' })[0]?.fingerprint);
    const twice = JSON.parse(
      gitlab([summarize({ filePath: 'fleet/a.yaml', document: 0, installation: null }, [finding('warning', 'unused', { pointer: '' }), finding('warning', 'unused', { pointer: '', line: 60, endLine: 60 })])], context),
    ) as CodeQualityIssue[];
    expect(new Set(twice.map((i) => i.fingerprint)).size).toBe(2);
  });

  it('gives paths relative to the working folder with forward slashes, on Windows too', () => {
    expect(reportPath('C:\\repo\\fleet\\a.yaml', 'C:\\repo', win32).path).toBe('fleet/a.yaml');
    const issues = JSON.parse(gitlab([summarize({ filePath: './fleet/../fleet/a.yaml', document: 0, installation: null }, [finding('error', 'x')])], context)) as CodeQualityIssue[];
    expect(issues[0]?.location.path).toBe('fleet/a.yaml');
  });
});
