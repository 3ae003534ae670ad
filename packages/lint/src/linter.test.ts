import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { defineRule } from './engine/define-rule.js';
import { ConfigError, NoManifestError, OptionError, PathError, StdinError } from './errors.js';
import { createLinter } from './linter.js';
import parse from './rules/parse.js';
import schema from './rules/schema.js';
import unusedDisable from './rules/unused-disable.js';
import { OFFICE } from './test-utils/fixtures.js';

/** A warning on every manifest, and an error for a DB below the table's minimum build: enough to see which settings apply. */
const everywhere = defineRule({
  id: 'test/everywhere',
  severity: 'warning',
  docs: { description: 'reports every manifest' },
  fixable: false,
  messages: { here: '{{field}} is here' },
  check(ctx) {
    ctx.report({ messageId: 'here', pointer: '/installation/name' });
  },
});
const table = defineRule({
  id: 'test/table',
  severity: 'error',
  docs: { description: 'reports the minimum build of the DB' },
  fixable: false,
  messages: { minimum: '{{field}}: minimum {{build}}' },
  check(ctx) {
    const db = ctx.manifest.database?.version;
    const build = db === undefined ? undefined : ctx.minimumBuilds.get(db);
    if (build !== undefined) ctx.report({ messageId: 'minimum', pointer: '/database/version', data: { build } });
  },
});
const rules = [parse, schema, unusedDisable, everywhere, table];

const root = mkdtempSync(join(tmpdir(), 'tmcheck-linter-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A temporary fleet: two groups of vessels, one config at the top with an override, one in a group. */
function fleet(): string {
  const dir = mkdtempSync(join(root, 'fleet-'));
  const write = (path: string, text: string): void => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write('tmcheck.config.json', JSON.stringify({
    rules: { 'test/everywhere': 'off' },
    overrides: [{ files: ['legacy/**'], rules: { 'test/everywhere': 'error' }, minimumBuilds: { '665': 8100 } }],
    ignores: ['drafts/**'],
  }));
  write('modern/a.yaml', OFFICE);
  write('legacy/b.yaml', OFFICE);
  write('drafts/c.yaml', OFFICE);
  write('offices/tmcheck.config.yaml', 'rules:\n  test/everywhere: info\n');
  write('offices/d.yaml', OFFICE);
  write('offices/notes.yaml', 'title: not a manifest\n');
  return dir;
}

describe('createLinter', () => {
  it('lints a fleet with the config nearest each manifest, its overrides and its ignores', async () => {
    const dir = fleet();
    const linter = createLinter({ cwd: dir, rules, now: '2026-11-29' });
    const run = await linter.run(['.']);
    const byFile = Object.fromEntries(run.results.map((r) => [r.filePath.split('\\').join('/'), r.messages.map((m) => `${m.ruleId}:${m.severity}${m.data?.['build'] !== undefined ? `:${m.data['build']}` : ''}`)]));
    expect(byFile).toEqual({
      'legacy/b.yaml': ['test/everywhere:error', 'test/table:error:8100'],
      'modern/a.yaml': ['test/table:error:8271'],
      'offices/d.yaml': ['test/everywhere:info', 'test/table:error:8271'],
    });
    expect([run.files, run.skipped, run.ignored]).toEqual([3, 1, 1]);
  });

  it('uses one config for every manifest when it is named, and lets direct settings win', async () => {
    const dir = fleet();
    writeFileSync(join(dir, 'strict.yaml'), 'rules:\n  test/everywhere: error\n');
    const linter = createLinter({ cwd: dir, rules, configFile: 'strict.yaml', overrides: ['test/table:off'] });
    const results = await linter.lintPaths(['offices', 'drafts']);
    expect(results.map((r) => [r.filePath.split('\\').join('/'), r.messages.map((m) => `${m.ruleId}:${m.severity}`)])).toEqual([
      ['offices/d.yaml', ['test/everywhere:error']],
      ['drafts/c.yaml', ['test/everywhere:error']],
    ]);
  });

  it('tells which settings apply to a file and where each came from', () => {
    const dir = fleet();
    const linter = createLinter({ cwd: dir, rules, overrides: { 'test/table': 'warning' } });
    const legacy = linter.resolveConfigFor('legacy/b.yaml');
    expect(legacy.configFile).toBe(join(dir, 'tmcheck.config.json'));
    expect(legacy.rules.find((r) => r.id === 'test/everywhere')).toMatchObject({ severity: 'error', source: expect.stringContaining('overrides #1 (legacy/**)') });
    expect(legacy.rules.find((r) => r.id === 'test/table')).toMatchObject({ severity: 'warning', source: '--rule' });
    expect(legacy.rules.find((r) => r.id === 'parse')).toMatchObject({ severity: 'error', source: 'default' });
    expect(legacy.minimumBuilds.find((m) => m.db === 665)).toMatchObject({ build: 8100, source: expect.stringContaining('overrides #1') });
    expect(legacy.minimumBuilds.find((m) => m.db === 662)).toMatchObject({ build: 8271, source: 'default' });
    expect(linter.resolveConfigFor('drafts/c.yaml').ignored).toBe(true);
    expect(linter.resolveConfigFor('offices/d.yaml').configFile).toBe(join(dir, 'offices', 'tmcheck.config.yaml'));
  });

  it('lints text and standard input with the settings of the working folder', async () => {
    const dir = fleet();
    const linter = createLinter({ cwd: join(dir, 'offices'), rules, stdin: Readable.from([Buffer.from(OFFICE)]) });
    expect(linter.lintText(OFFICE, { filePath: 'x.yaml' })[0]!.messages.map((m) => m.severity)).toEqual(['info', 'error']);
    const results = await linter.lintPaths(['-']);
    expect(results.map((r) => r.filePath)).toEqual(['<stdin>']);
  });

  it('throws typed errors with facts, in no front end\'s words', async () => {
    const dir = fleet();
    await expect(createLinter({ cwd: dir, rules }).run(['missing'])).rejects.toBeInstanceOf(PathError);
    mkdirSync(join(dir, 'empty'));
    await expect(createLinter({ cwd: dir, rules }).run(['empty'])).rejects.toBeInstanceOf(NoManifestError);
    await expect(createLinter({ cwd: dir, rules, stdin: Readable.from([]) }).run(['-'])).rejects.toBeInstanceOf(StdinError);
    expect(() => createLinter({ cwd: dir, rules, now: '2026-02-30' })).toThrow(OptionError);
    expect(() => createLinter({ cwd: dir, rules, overrides: ['test/evrywhere:off'] })).toThrow(ConfigError);
    writeFileSync(join(dir, 'bad.json'), '{ "rules": { "test/everywhere": "loud" } }');
    let error: unknown;
    try {
      createLinter({ cwd: dir, rules, configFile: 'bad.json' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).facts).toMatchObject({ problem: 'invalid', file: join(dir, 'bad.json') });
    for (const e of [error]) expect(String((e as Error).message)).not.toMatch(/--rule|exit status|--quiet/);
  });

  it('inspects a file: each document with its result, typed view, sections and secrets', () => {
    const dir = fleet();
    const text = `${OFFICE}---\nschemaVersion: 1\ninstallation: [oops\n---\n${OFFICE.replace('${TM_MAIL_SECRET}', 'Xk28Q~aBcdEfGhIjKlMnOpQrStUvWxYz0123456789')}`;
    writeFileSync(join(dir, 'multi.yaml'), text);
    const docs = createLinter({ cwd: dir, rules }).inspectFile('multi.yaml');
    expect(docs.map((d) => [d.result.document, d.view?.installation?.name, d.sections.map((s) => s.id)])).toEqual([
      [0, 'Bergen office', ['mailSettings']],
      [1, undefined, []],
      [2, 'Bergen office', ['mailSettings']],
    ]);
    expect(docs[1]!.result.messages[0]!.ruleId).toBe('parse');
    expect([...docs[2]!.secrets]).toEqual(['Xk28Q~aBcdEfGhIjKlMnOpQrStUvWxYz0123456789']);
    expect(docs[0]!.secrets.size).toBe(0);
    expect(() => createLinter({ cwd: dir, rules }).inspectFile('none.yaml')).toThrow(PathError);
  });
});
