import { execFileSync } from 'node:child_process';
import { accessSync, constants, copyFileSync, chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, posix, win32 } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import jsYaml from 'js-yaml';
import type * as Sarif from 'sarif';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../engine/config.js';
import { lintText } from '../engine/lint-document.js';
import { summarize, type DocumentResult, type Finding } from '../finding.js';
import { RULES } from '../rules/index.js';
import { VESSEL } from '../test-utils/fixtures.js';
import { FINGERPRINT_KEY, sarif, sarifLog, yamlScalar } from './sarif.js';
import { reportPath, type FormatterContext } from './types.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
const require = createRequire(import.meta.url);
const MULTITOOL = dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json'));

const work = mkdtempSync(join(tmpdir(), 'tmcheck-sarif-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function ruleDocs(id: string): string | undefined {
  try {
    return readFileSync(join(ROOT, 'docs/rules', `${id}.md`), 'utf8');
  } catch {
    return undefined;
  }
}

const context: FormatterContext = { color: false, toolName: 'tmcheck', toolVersion: '1.2.0', rules: RULES, cwd: ROOT, ruleDocs };

function lint(text: string, filePath: string, config: unknown = {}, json = false): DocumentResult[] {
  return lintText(text, { filePath, json }, { config: resolveConfig(RULES, { config }), today: '2026-11-29', rules: RULES });
}

/** Replaces the first line that starts with `from` (after indentation) by `to`. */
function edit(text: string, from: string, to: string): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.trimStart().startsWith(from));
  if (i === -1) throw new Error(`no line ${from}`);
  lines[i] = lines[i]?.replace(from, to) ?? '';
  return lines.join('\n');
}

/** Two installations in one file: swapped scopes, a plaintext secret silenced inline, a misspelt key, a short timeout (as info). */
const MULTI = [
  edit(
    edit(VESSEL, 'scope: https://outlook.office365.com/.default', 'scope: https://graph.microsoft.com/.default'),
    'clientSecret: ${TM_MAIL_SECRET}',
    '# tmcheck-disable-next-line oauth2/secret-plaintext -- test vessel, "rotated" <weekly> | daily\n    clientSecret: Sommer2024xyz',
  ),
  '---',
  edit(edit(VESSEL.replace('MV Nordic Star', 'MV Polar Wind'), 'maxMessages: 20', 'maxMesages: 20'), 'timeoutSeconds: 100', 'timeoutSeconds: 5'),
].join('\n');

const JSON_MANIFEST = JSON.stringify(
  (() => {
    const m = jsYaml.load(VESSEL, { schema: jsYaml.CORE_SCHEMA }) as { exchange: { pop3: { oauth2: { scope: string } } } };
    m.exchange.pop3.oauth2.scope = 'https://graph.microsoft.com/.default';
    return m;
  })(),
  null,
  2,
);

/** A realistic run: the example fleet, a two-document file, a JSON manifest, a file named by its absolute path, standard input. */
function fleetResults(): DocumentResult[] {
  const fleet = readdirSync(join(ROOT, 'examples/fleet'))
    .filter((n) => n.endsWith('.yaml'))
    .sort()
    .flatMap((n) => lint(readFileSync(join(ROOT, 'examples/fleet', n), 'utf8'), `examples/fleet/${n}`));
  return [
    ...fleet,
    ...lint(MULTI, 'fleet/two vessels #1.yaml', { rules: { 'exchange/timeout': 'info' } }),
    ...lint(JSON_MANIFEST, 'fleet/json-vessel.json', {}, true),
    ...lint(readFileSync(join(ROOT, 'examples/fleet/scopes-swapped.yaml'), 'utf8'), join(ROOT, 'examples/fleet/scopes-swapped-copy.yaml')),
    ...lint(MULTI.split('---')[0] as string, '<stdin>'),
  ];
}

const results = fleetResults();
const log = sarifLog(results, context);
const run = log.runs[0] as Sarif.Run;
const all = results.flatMap((r) => r.messages);

function schemaValidator() {
  const schema = JSON.parse(readFileSync(join(MULTITOOL, 'sarif-2.1.0.json'), 'utf8')) as Record<string, unknown>;
  // the schema Microsoft ships declares draft 2020-12 (OASIS' original: draft-07; the keywords it uses mean the same in both)
  expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  // CommonJS under nodenext: the module object's default is the function
  (addFormatsModule as unknown as { default: (a: Ajv2020) => void }).default(ajv);
  return ajv.compile(schema);
}

describe('sarif', () => {
  it('reports a realistic run: errors, warnings, infos, silenced findings and fixes, in several files and documents', () => {
    const severities = new Set(all.map((m) => m.severity));
    expect([...severities].sort()).toEqual(['error', 'info', 'warning']);
    expect(all.some((m) => m.suppressed)).toBe(true);
    expect(all.some((m) => m.fix && 'rename' in m.fix)).toBe(true);
    expect(results.some((r) => r.document === 1)).toBe(true);
    expect(run.results).toHaveLength(all.length);
  });

  it('validates against the official SARIF 2.1.0 schema', () => {
    const validate = schemaValidator();
    const ok = validate(JSON.parse(sarif(results, context)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // without the optional context too, and with no results at all
    expect(validate(JSON.parse(sarif(results, { color: false, toolName: 'tmcheck', toolVersion: '1.2.0', rules: RULES })))).toBe(true);
    expect(validate(JSON.parse(sarif([], context)))).toBe(true);
  });

  it('describes every rule: descriptions, the doc page as help, the doc URL, the default level', () => {
    const rules = run.tool.driver.rules ?? [];
    expect(rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    for (const [i, rule] of RULES.entries()) {
      const d = rules[i] as Sarif.ReportingDescriptor;
      expect(d.shortDescription?.text).toBe(rule.docs.description);
      expect(d.fullDescription?.text.length).toBeGreaterThan(0);
      expect(d.help?.markdown).toBe(readFileSync(join(ROOT, 'docs/rules', `${rule.id}.md`), 'utf8'));
      expect(d.help?.text).toBe(d.help?.markdown);
      expect(d.helpUri).toBe(`https://tmcheck.dev/docs/rules/${rule.id}`);
      expect(d.defaultConfiguration?.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[rule.severity]);
    }
    expect(run.tool.driver).toMatchObject({ name: 'tmcheck', version: '1.2.0', informationUri: 'https://tmcheck.dev' });
    // without ruleDocs: the description and the link
    const bare = sarifLog([], { ...context, ruleDocs: () => undefined, docsUrl: (id) => `https://example.com/r/${id}` });
    const scope = bare.runs[0]?.tool.driver.rules?.find((r) => r.id === 'oauth2/scope');
    expect(scope?.help).toEqual({ text: expect.stringContaining('https://example.com/r/oauth2/scope') });
    expect(scope?.helpUri).toBe('https://example.com/r/oauth2/scope');
  });

  it('gives each result its rule, level, message, region (exclusive end column), relative URI and JSON Pointer', () => {
    const rules = run.tool.driver.rules ?? [];
    const out = run.results ?? [];
    for (const [i, r] of out.entries()) {
      const f = all[i] as Finding;
      expect(rules[r.ruleIndex as number]?.id).toBe(r.ruleId);
      expect(r.ruleId).toBe(f.ruleId);
      expect(r.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[f.severity]);
      expect(r.message.text).toBe(f.message);
      const loc = r.locations?.[0];
      expect(loc?.physicalLocation?.region).toEqual({ startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn + 1 });
      if (f.pointer !== '') expect(loc?.logicalLocations).toEqual([{ fullyQualifiedName: f.pointer, kind: 'property' }]);
    }
    const uris = new Set(out.map((r) => `${r.locations?.[0]?.physicalLocation?.artifactLocation?.uriBaseId} ${r.locations?.[0]?.physicalLocation?.artifactLocation?.uri}`));
    expect(uris).toContain('%SRCROOT% examples/fleet/scopes-swapped.yaml');
    expect(uris).toContain('%SRCROOT% fleet/two%20vessels%20%231.yaml');
    expect(uris).toContain('undefined %3Cstdin%3E');
    // the file named by its absolute path is given relative to the working folder as well
    expect(uris).toContain('%SRCROOT% examples/fleet/scopes-swapped-copy.yaml');
    expect([...uris].filter((u) => u.includes(ROOT))).toEqual([]);
    expect(run.originalUriBaseIds?.['%SRCROOT%']?.uri).toBe(`${pathToFileURL(ROOT).href}/`);
  });

  it('makes paths relative with forward slashes on Windows as well', () => {
    expect(reportPath('C:\\work\\fleet\\a.yaml', 'C:\\work', win32)).toMatchObject({ path: 'fleet/a.yaml', relative: true });
    expect(reportPath('fleet\\b.yaml', 'C:\\work', win32)).toMatchObject({ path: 'fleet/b.yaml', relative: true });
    expect(reportPath('fleet/c.yaml', 'C:\\work', win32)).toMatchObject({ path: 'fleet/c.yaml', relative: true });
    expect(reportPath('D:\\other\\d.yaml', 'C:\\work', win32)).toMatchObject({ path: 'D:/other/d.yaml', relative: false });
    expect(reportPath('/srv/fleet/a.yaml', '/srv', posix)).toMatchObject({ path: 'fleet/a.yaml', relative: true });
    expect(reportPath('../x.yaml', '/srv/repo', posix)).toMatchObject({ path: '../x.yaml', relative: true });
    expect(reportPath('a\\b.yaml', '/srv', posix).path).toBe('a\\b.yaml');
  });

  it('keeps fingerprints when lines move, and tells findings apart', () => {
    const before = sarifLog(lint(MULTI, 'fleet/m.yaml'), context).runs[0]?.results ?? [];
    const moved = sarifLog(lint(`# a comment\n# and another\n\n${MULTI}`, 'fleet/m.yaml'), context).runs[0]?.results ?? [];
    expect(before.length).toBeGreaterThan(2);
    expect(moved.map((r) => r.partialFingerprints?.[FINGERPRINT_KEY])).toEqual(before.map((r) => r.partialFingerprints?.[FINGERPRINT_KEY]));
    expect(moved.map((r) => r.locations?.[0]?.physicalLocation?.region?.startLine)).not.toEqual(before.map((r) => r.locations?.[0]?.physicalLocation?.region?.startLine));
    const prints = (run.results ?? []).map((r) => r.partialFingerprints?.[FINGERPRINT_KEY]);
    expect(new Set(prints).size).toBe(prints.length);
  });

  it('marks findings silenced inline as suppressed in source, with the reason', () => {
    const silenced = (run.results ?? []).filter((r) => r.suppressions);
    expect(silenced.length).toBe(all.filter((m) => m.suppressed).length);
    expect(silenced[0]?.suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: 'test vessel, "rotated" <weekly> | daily' }]);
  });

  it('writes fixes that, applied to the file, make their findings go away', () => {
    const cases = [
      { text: MULTI, file: 'fleet/m.yaml', json: false },
      { text: JSON_MANIFEST, file: 'fleet/m.json', json: true },
    ];
    let applied = 0;
    for (const c of cases) {
      const found = lint(c.text, c.file, {}, c.json);
      const out = sarifLog(found, context).runs[0]?.results ?? [];
      const fixes = out.flatMap((r) => r.fixes ?? []);
      expect(fixes.length).toBeGreaterThan(0);
      const fixed = applyFixes(c.text, fixes);
      const after = lint(fixed, c.file, {}, c.json).flatMap((r) => r.messages);
      for (const [i, r] of out.entries()) {
        if (!r.fixes) continue;
        const f = found.flatMap((d) => d.messages)[i] as Finding;
        expect(after.filter((m) => m.ruleId === f.ruleId && m.pointer === f.pointer && !m.suppressed), `${c.file} ${f.ruleId} ${f.pointer}`).toEqual([]);
        applied++;
      }
      expect(after.filter((m) => m.severity === 'error' && m.ruleId === 'parse')).toEqual([]);
    }
    expect(applied).toBeGreaterThanOrEqual(4);
  });

  it('quotes a fixed value only where YAML needs it', () => {
    for (const [value, text] of [
      ['https://graph.microsoft.com/.default', 'https://graph.microsoft.com/.default'],
      [true, 'true'],
      [100, '100'],
      ['true', '"true"'],
      ['yes', '"yes"'],
      ['2027-09-30', '"2027-09-30"'],
      ['a: b', '"a: b"'],
      ['# no', '"# no"'],
      ['', '""'],
      ['https://graph.microsoft.com/v1.0/users/{0}/sendMail', '"https://graph.microsoft.com/v1.0/users/{0}/sendMail"'],
      ['line\nbreak', '"line\\nbreak"'],
      ['a\u2028b', '"a\\u2028b"'],
    ] as const) {
      expect(yamlScalar(value)).toBe(text);
      // read back by both parsers, the value is the same
      if (typeof value === 'string') {
        expect(jsYaml.load(`k: ${yamlScalar(value)}`, { schema: jsYaml.CORE_SCHEMA })).toEqual({ k: value });
        expect(parseYaml(`k: ${yamlScalar(value)}`, { version: '1.1' })).toEqual({ k: value });
      }
    }
  });

  it('offers no fix where the finding points at a key to add a value under (a field not filled in)', () => {
    const text = edit(VESSEL, 'useSsl: true', 'useSsl:');
    const found = lint(text, 'x.yaml').flatMap((r) => r.messages);
    const empty = found.find((m) => m.messageId === 'notFilledIn' && m.fix);
    expect(empty).toBeDefined();
    const out = sarifLog(lint(text, 'x.yaml'), context).runs[0]?.results ?? [];
    expect(out[found.indexOf(empty as Finding)]?.fixes).toBeUndefined();
  });

  it('deletes the lines of a removed field (YAML), and offers no removal in JSON', () => {
    const finding: Finding = {
      ruleId: 'schema', messageId: 'unknownProperty', severity: 'error', message: 'remove it', pointer: '/x',
      line: 3, column: 1, endLine: 3, endColumn: 4, fix: { pointer: '/x', remove: true },
    };
    const yaml = sarifLog([summarize({ filePath: 'a.yaml', document: 0, installation: null }, [finding])], context);
    expect(yaml.runs[0]?.results?.[0]?.fixes?.[0]?.artifactChanges[0]?.replacements[0]).toEqual({
      deletedRegion: { startLine: 3, startColumn: 1, endLine: 4, endColumn: 1 },
      insertedContent: { text: '' },
    });
    expect(applyFixes('a: 1\nb: 2\nx: 3\nc: 4\n', yaml.runs[0]?.results?.[0]?.fixes ?? [])).toBe('a: 1\nb: 2\nc: 4\n');
    const json = sarifLog([summarize({ filePath: 'a.json', document: 0, installation: null }, [finding])], context);
    expect(json.runs[0]?.results?.[0]?.fixes).toBeUndefined();
  });

  it('loads in Microsoft SARIF Multitool `validate` without errors or warnings, GitHub code scanning\'s rules included', () => {
    const file = join(work, 'tmcheck.sarif');
    writeFileSync(file, sarif(results, context));
    const report = join(work, 'validation.sarif');
    const out = execFileSync(multitool(), ['validate', file, '--output', report, '--config', multitoolConfig(), '--rule-kind', 'Sarif;Gh', '--level', 'Error;Warning;Note', '--log', 'ForceOverwrite'], {
      encoding: 'utf8',
      env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
    });
    expect(out).toContain('Analysis completed successfully');
    const validation = (JSON.parse(readFileSync(report, 'utf8')) as Sarif.Log).runs[0] as Sarif.Run;
    const rules = validation.tool.driver.rules ?? [];
    // a result without a level has its rule's default level, else warning
    const level = (r: Sarif.Result): string => r.level ?? rules[r.ruleIndex ?? -1]?.defaultConfiguration?.level ?? 'warning';
    const problems = (validation.results ?? []).filter((r) => level(r) === 'error' || level(r) === 'warning');
    expect(problems.map((r) => `${r.ruleId} ${level(r)}: ${r.message.text ?? r.message.arguments?.join(' ')}`)).toEqual([]);
    // only notes are left: advice (snippets, message IDs, numeric rule IDs), none about what tmcheck writes wrongly
    expect(new Set((validation.results ?? []).map(level))).toEqual(new Set(['note']));
  });
});

/** The Multitool binary, executable: pnpm does not run the package's `chmod` (install scripts are off), so a copy gets the bit. */
function multitool(): string {
  const shipped = join(MULTITOOL, 'Sarif.Multitool');
  try {
    accessSync(shipped, constants.X_OK);
    return shipped;
  } catch {
    const copy = join(work, 'Sarif.Multitool');
    copyFileSync(shipped, copy);
    chmodSync(copy, 0o755);
    return copy;
  }
}

/**
 * The validator's settings: GitHub code scanning's rules on, as errors (as the SARIF SDK's GitHub
 * policy has them), and SARIF2006 off: it fetches every URI in the log, and tests use no network.
 */
function multitoolConfig(): string {
  const file = join(work, 'multitool.config.xml');
  const errors = [
    'SARIF2007.ExpressPathsRelativeToRepoRoot',
    'GH1001.ProvideRequiredLocationProperties',
    'GH1002.InlineThreadFlowLocations',
    'GH1003.ProvideRequiredRegionProperties',
    'GH1004.ReviewArraysThatExceedConfigurableDefaults',
    'GH1005.LocationsMustBeRelativeUrisOrFilePaths',
    'GH1006.ProvideCheckoutPath',
  ];
  const rule = (key: string, value: string): string => `  <Properties Key="${key}.Options">\n    <Property Key="RuleEnabled" Value="${value}" />\n  </Properties>`;
  writeFileSync(
    file,
    ['<?xml version="1.0" encoding="utf-8"?>', '<Properties>', rule('SARIF2006.UrisShouldBeReachable', 'Disabled'), ...errors.map((k) => rule(k, 'Error')), '</Properties>', ''].join('\n'),
  );
  return file;
}

/** Applies SARIF fixes to a text (regions in UTF-16 columns, end exclusive), from the last to the first. */
function applyFixes(text: string, fixes: readonly Sarif.Fix[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (line: number, column: number): number => (starts[line - 1] ?? text.length) + column - 1;
  const edits = fixes
    .flatMap((f) => f.artifactChanges.flatMap((c) => c.replacements))
    .map((r) => ({
      start: offset(r.deletedRegion.startLine as number, r.deletedRegion.startColumn as number),
      end: offset(r.deletedRegion.endLine as number, r.deletedRegion.endColumn as number),
      text: r.insertedContent?.text ?? '',
    }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
