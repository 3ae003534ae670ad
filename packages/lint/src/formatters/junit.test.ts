import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../engine/config.js';
import { lintText } from '../engine/lint-document.js';
import { summarize, type DocumentResult, type Finding, type Severity } from '../finding.js';
import { RULES } from '../rules/index.js';
import { escapeControls } from '../text/escape.js';
import { junit } from './junit.js';
import type { FormatterContext } from './types.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
const context: FormatterContext = { color: false, toolName: 'tmcheck', toolVersion: '1.2.0', rules: RULES, cwd: '/srv/repo' };

interface Suite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  '@_errors': string;
  '@_skipped': string;
  testcase?: Case[];
}
interface Case {
  '@_name': string;
  '@_classname': string;
  '@_file'?: string;
  failure?: Array<{ '@_message': string; '@_type': string; '#text': string }>;
  skipped?: { '@_message': string; '#text': string };
  'system-out'?: string;
}
interface Report {
  testsuites: { '@_name': string; '@_tests': string; '@_failures': string; '@_errors': string; '@_skipped': string; testsuite?: Suite[] };
}

/** Parses the XML back, after checking that it is well-formed. */
function parse(xml: string): Report {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    isArray: (name) => name === 'testsuite' || name === 'testcase' || name === 'failure',
  });
  return parser.parse(xml) as Report;
}

let n = 0;
function finding(ruleId: string, severity: Severity, message: string, extra: Partial<Finding> = {}): Finding {
  n++;
  return { ruleId, messageId: 'm', severity, message, pointer: `/p${n}`, line: n, column: 3, endLine: n, endColumn: 9, ...extra };
}

function result(filePath: string, document: number, installation: string | null, messages: Finding[]): DocumentResult {
  return summarize({ filePath, document, installation }, messages);
}

const silenced = { suppressed: { kind: 'inline' as const, justification: 'test vessel' } };

/** Two documents in one file (errors, a warning, an info, silenced findings), a clean file, a file that does not parse. */
const RESULTS: DocumentResult[] = [
  result('fleet/two.yaml', 0, 'MV Nordic Star', [
    finding('oauth2/scope', 'error', 'POP3 needs the scope https://outlook.office365.com/.default'),
    finding('oauth2/scope', 'error', 'sending through Graph needs https://graph.microsoft.com/.default'),
    finding('oauth2/token-url', 'error', 'the placeholder "TenantID" is still in the Token URL'),
    finding('exchange/timeout', 'warning', 'Timeout is 5 seconds, under 30'),
    finding('version/unknown-db', 'info', 'DB 699 is not in the table'),
    finding('oauth2/secret-plaintext', 'warning', 'the password is written in the manifest', silenced),
    finding('oauth2/user-name', 'warning', 'User Name differs', silenced),
    finding('oauth2/user-name', 'error', 'User Name is not an address'),
  ]),
  result('fleet/two.yaml', 1, 'MV Polar Wind', [finding('exchange/timeout', 'warning', 'Timeout is 1 second, under 30')]),
  result('/srv/repo/fleet/clean.yaml', 0, null, []),
  result('fleet/broken.yaml', 0, null, [finding('parse', 'error', 'YAML syntax error: bad indentation')]),
];

const suitesOf = (r: Report): Suite[] => r.testsuites.testsuite ?? [];
const casesOf = (s: Suite): Case[] => s.testcase ?? [];
const failuresOf = (r: Report): NonNullable<Case['failure']> => suitesOf(r).flatMap(casesOf).flatMap((c) => c.failure ?? []);

describe('junit', () => {
  const report = parse(junit(RESULTS, context));
  const suites = suitesOf(report);

  it('has a testsuite per manifest document, named by file and installation', () => {
    expect(suites.map((s) => s['@_name'])).toEqual([
      'fleet/two.yaml (document 1): MV Nordic Star',
      'fleet/two.yaml (document 2): MV Polar Wind',
      'fleet/clean.yaml: (no installation name)',
      'fleet/broken.yaml: (no installation name)',
    ]);
    expect(report.testsuites['@_name']).toBe('tmcheck');
  });

  it('has a testcase per rule, classname the file, name the rule ID; only the parse check for a file that does not parse', () => {
    const ids = RULES.map((r) => r.id);
    expect(casesOf(suites[2] as Suite).map((c) => c['@_name'])).toEqual(ids);
    expect(casesOf(suites[2] as Suite).every((c) => c['@_classname'] === 'fleet/clean.yaml' && c['@_file'] === 'fleet/clean.yaml')).toBe(true);
    expect(casesOf(suites[0] as Suite)[0]?.['@_classname']).toBe('fleet/two.yaml (document 1)');
    expect(casesOf(suites[3] as Suite).map((c) => c['@_name'])).toEqual(['parse']);
  });

  it('has a failure per error, with the message, the location and the rule', () => {
    const errors = RESULTS.flatMap((r) => r.messages).filter((m) => m.severity === 'error' && !m.suppressed);
    const failures = failuresOf(report);
    expect(failures).toHaveLength(errors.length);
    const scope = casesOf(suites[0] as Suite).find((c) => c['@_name'] === 'oauth2/scope');
    expect(scope?.failure?.map((f) => f['@_message'])).toEqual([
      'POP3 needs the scope https://outlook.office365.com/.default',
      'sending through Graph needs https://graph.microsoft.com/.default',
    ]);
    const first = scope?.failure?.[0];
    expect(first?.['@_type']).toBe('error');
    expect(first?.['#text']).toBe(
      'POP3 needs the scope https://outlook.office365.com/.default\nat fleet/two.yaml:1:3 (/p1)\nrule oauth2/scope, error: https://tmcheck.dev/docs/rules/oauth2/scope',
    );
  });

  it('counts tests, failures (failed testcases), errors and skipped on each suite and on testsuites', () => {
    let tests = 0;
    let failures = 0;
    let skipped = 0;
    for (const s of suites) {
      const cases = casesOf(s);
      expect(Number(s['@_tests'])).toBe(cases.length);
      expect(Number(s['@_failures'])).toBe(cases.filter((c) => c.failure).length);
      expect(Number(s['@_skipped'])).toBe(cases.filter((c) => c.skipped).length);
      expect(s['@_errors']).toBe('0');
      tests += cases.length;
      failures += cases.filter((c) => c.failure).length;
      skipped += cases.filter((c) => c.skipped).length;
    }
    expect(report.testsuites).toMatchObject({ '@_tests': String(tests), '@_failures': String(failures), '@_errors': '0', '@_skipped': String(skipped) });
    expect([Number(suites[0]?.['@_failures']), Number(suites[0]?.['@_skipped'])]).toEqual([3, 1]);
  });

  it('puts warnings and infos in the testcase system-out, and silenced findings in skipped or beside', () => {
    const cases = casesOf(suites[0] as Suite);
    const by = (id: string): Case | undefined => cases.find((c) => c['@_name'] === id);
    expect(by('exchange/timeout')?.failure).toBeUndefined();
    expect(by('exchange/timeout')?.['system-out']).toBe('warning fleet/two.yaml:4:3 Timeout is 5 seconds, under 30 (/p4) [exchange/timeout]');
    expect(by('version/unknown-db')?.['system-out']).toContain('info fleet/two.yaml:5:3 DB 699 is not in the table');
    // all of a rule's findings silenced: the testcase is skipped, with the reason
    expect(by('oauth2/secret-plaintext')?.skipped).toEqual({
      '@_message': 'silenced by a tmcheck-disable comment',
      '#text': 'fleet/two.yaml:6:3 the password is written in the manifest -- test vessel',
    });
    // a silenced finding beside an error: the error fails, the silenced one is in system-out
    expect(by('oauth2/user-name')?.failure).toHaveLength(1);
    expect(by('oauth2/user-name')?.skipped).toBeUndefined();
    expect(by('oauth2/user-name')?.['system-out']).toContain('silenced warning fleet/two.yaml:7:3 User Name differs [oauth2/user-name] -- test vessel');
    expect(by('azure/permissions')).toEqual({ '@_name': 'azure/permissions', '@_classname': 'fleet/two.yaml (document 1)', '@_file': 'fleet/two.yaml', '@_time': '0' });
  });

  it('makes warnings failures too once they exceed maxWarnings', () => {
    const warnings = RESULTS.flatMap((r) => r.messages).filter((m) => m.severity === 'warning' && !m.suppressed).length;
    const errors = failuresOf(report).length;
    expect(failuresOf(parse(junit(RESULTS, { ...context, maxWarnings: warnings }))).length).toBe(errors);
    const over = parse(junit(RESULTS, { ...context, maxWarnings: warnings - 1 }));
    expect(failuresOf(over).length).toBe(errors + warnings);
    expect(failuresOf(over).filter((f) => f['@_type'] === 'warning')).toHaveLength(warnings);
    expect(failuresOf(parse(junit(RESULTS, { ...context, maxWarnings: Number.POSITIVE_INFINITY }))).length).toBe(errors);
  });

  it('stays well-formed whatever a message holds: < & quotes, ]]>, control characters, lone surrogates', () => {
    const hostile = 'a <b> & "c" \'d\' ]]> <![CDATA[x]]> \u0000\u0001\u001b[31m\u007f\u0085 \ud800 \ufffe \r\nnext </failure><failure message="x">';
    const name = 'MV "Star" <&> \u0007';
    const xml = junit([result('fleet/<odd> & "name".yaml', 0, name, [finding('oauth2/scope', 'error', hostile), finding('exchange/timeout', 'warning', hostile)])], context);
    const parsed = parse(xml);
    const suite = suitesOf(parsed)[0] as Suite;
    expect(suite['@_name']).toBe(`fleet/<odd> & "name".yaml: ${escapeControls(name)}`);
    const failures = failuresOf(parsed);
    expect(failures).toHaveLength(1);
    const shown = escapeControls(hostile).replace('\ud800', '\\ud800').replace('\ufffe', '\\ufffe');
    expect(failures[0]?.['@_message']).toBe(shown);
    expect(failures[0]?.['#text'].split('\n')[0]).toBe(shown);
    expect(casesOf(suite).find((c) => c['@_name'] === 'exchange/timeout')?.['system-out']).toContain(shown);
    // no control character is left in the document but the line breaks between lines of text
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
  });

  it('reports the example fleet: one failure per error', () => {
    const fleet = readdirSync(join(ROOT, 'examples/fleet'))
      .filter((f) => f.endsWith('.yaml'))
      .flatMap((f) =>
        lintText(readFileSync(join(ROOT, 'examples/fleet', f), 'utf8'), { filePath: `examples/fleet/${f}` }, { config: resolveConfig(RULES), today: '2026-11-29', rules: RULES }),
      );
    const parsed = parse(junit(fleet, { ...context, cwd: ROOT }));
    expect(suitesOf(parsed)).toHaveLength(fleet.length);
    expect(failuresOf(parsed).length).toBe(fleet.reduce((s, r) => s + r.errorCount, 0));
    expect(failuresOf(parsed).length).toBeGreaterThan(0);
  });

  it('is an empty testsuites element for no results', () => {
    const parsed = parse(junit([], context));
    expect(parsed.testsuites).toMatchObject({ '@_tests': '0', '@_failures': '0', '@_errors': '0', '@_skipped': '0' });
  });
});
