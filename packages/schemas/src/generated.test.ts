import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIELDS_END, FIELDS_START, findStale, generate, MANIFEST_DOC, packageOf, REGENERATE_COMMAND, rewriteRequires } from '../scripts/codegen.mjs';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('generated code', () => {
  it('is up to date with schemas/*.schema.json (else: pnpm --filter @tmcheck/schemas generate)', () => {
    const files = generate(packageRoot);
    expect(files.map((f) => f.path)).toEqual([
      '../../docs/manifest.md',
      'schemas/manifest.schema.json',
      'src/generated/catalog.ts',
      'src/generated/config-validator.ts',
      'src/generated/manifest-types.ts',
      'src/generated/manifest-validator.ts',
      'src/generated/schemas.ts',
    ]);
    for (const { path, contents } of files) {
      expect(readFileSync(join(packageRoot, path), 'utf8'), `${path} is stale: run ${REGENERATE_COMMAND}`).toBe(contents);
    }
    expect(findStale(packageRoot)).toEqual([]);
  });

  it('is deterministic', () => {
    expect(generate(packageRoot)).toEqual(generate(packageRoot));
  });

  it('loads nothing at run time: no require, no import but type imports and the schemas helper', () => {
    for (const { path, contents } of generate(packageRoot).filter((f) => f.path.endsWith('.ts'))) {
      expect(contents, path).not.toMatch(/\brequire\(/);
      const imports = contents.split('\n').filter((line) => /^\s*import\b/.test(line));
      for (const line of imports) {
        expect(line, path).toMatch(/^import type .* from '\.\.\/(?:generated-validator|catalog)\.js';$|^import \{ deepFreeze, type JsonObject \} from '\.\.\/json\.js';$/);
      }
    }
  });

  it('starts every generated module with a do-not-edit banner', () => {
    for (const { path, contents } of generate(packageRoot).filter((f) => f.path.endsWith('.ts'))) {
      expect(contents, path).toContain(`Do not edit: change the schema and run \`${REGENERATE_COMMAND}\`.`);
      if (path.endsWith('-validator.ts')) expect(contents.startsWith('// @ts-nocheck\n'), path).toBe(true);
    }
  });
});

describe('generate.mjs --check', () => {
  const script = join(packageRoot, 'scripts/generate.mjs');

  it('exits 0 when the committed files are current', () => {
    expect(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  /** A copy of the package at <tmp>/packages/schemas, with docs/manifest.md two folders up, as in the repository. */
  function copyPackage(): { root: string; pkg: string } {
    const root = mkdtempSync(join(tmpdir(), 'tmcheck-schemas-'));
    const pkg = join(root, 'packages/schemas');
    for (const path of ['schemas', 'scripts', 'catalog', 'package.json', 'src/generated']) {
      cpSync(join(packageRoot, path), join(pkg, path), { recursive: true });
    }
    cpSync(join(packageRoot, MANIFEST_DOC), join(root, 'docs/manifest.md'));
    // Resolve ajv from this package: link its node_modules.
    symlinkSync(join(packageRoot, 'node_modules'), join(pkg, 'node_modules'), 'dir');
    return { root, pkg };
  }

  /** Runs generate.mjs in a copy; returns its exit status and output. */
  function run(pkg: string, args: string[]): { status: number; stdout: string; stderr: string } {
    try {
      const stdout = execFileSync(process.execPath, [join(pkg, 'scripts/generate.mjs'), ...args], { stdio: 'pipe' }).toString();
      return { status: 0, stdout, stderr: '' };
    } catch (error) {
      const e = error as { status: number; stdout: Buffer; stderr: Buffer };
      return { status: e.status, stdout: e.stdout.toString(), stderr: e.stderr.toString() };
    }
  }

  it('exits 1 and names the stale file and the command to run', () => {
    const { root, pkg: copy } = copyPackage();
    try {
      const schemaFile = join(copy, 'schemas/config.schema.json');
      const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { title: string };
      writeFileSync(schemaFile, JSON.stringify({ ...schema, title: `${schema.title}, edited` }, null, 2));

      let status = 0;
      let stderr = '';
      try {
        execFileSync(process.execPath, [join(copy, 'scripts/generate.mjs'), '--check'], { stdio: 'pipe' });
      } catch (error) {
        const e = error as { status: number; stderr: Buffer };
        status = e.status;
        stderr = e.stderr.toString();
      }
      expect(status).toBe(1);
      expect(stderr).toContain('src/generated/config-validator.ts is stale: run pnpm --filter @tmcheck/schemas generate');
      expect(stderr).toContain('src/generated/schemas.ts is stale');
      expect(stderr).not.toContain('manifest-validator.ts');

      // Without --check it writes them, and a second run changes nothing.
      expect(execFileSync(process.execPath, [join(copy, 'scripts/generate.mjs')]).toString()).toContain('wrote src/generated/config-validator.ts');
      expect(execFileSync(process.execPath, [join(copy, 'scripts/generate.mjs')]).toString()).toBe('');
      expect(() => execFileSync(process.execPath, [join(copy, 'scripts/generate.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('reports a field reference in docs/manifest.md that the catalog has moved on from, and rewrites only that block', () => {
    const { root, pkg } = copyPackage();
    try {
      const catalogFile = join(pkg, 'catalog/fields.yaml');
      const catalog = readFileSync(catalogFile, 'utf8');
      const hint = 'hint: The POP3 server address.';
      expect(catalog).toContain(hint);
      writeFileSync(catalogFile, catalog.replace(hint, 'hint: The POP3 server address, outlook.office365.com for Exchange Online.'));
      const docFile = join(root, 'docs/manifest.md');
      const doc = readFileSync(docFile, 'utf8');

      const check = run(pkg, ['--check']);
      expect(check.status).toBe(1);
      expect(check.stderr).toContain(
        `docs/manifest.md is stale (the field reference between ${FIELDS_START} and ${FIELDS_END}): run pnpm --filter @tmcheck/schemas generate`,
      );
      // the hint is also the schema's description of the field
      expect(check.stderr).toContain('schemas/manifest.schema.json is stale');

      expect(run(pkg, []).stdout).toContain('wrote docs/manifest.md');
      const rewritten = readFileSync(docFile, 'utf8');
      expect(rewritten).toContain('The POP3 server address, outlook.office365.com for Exchange Online.');
      // the hand-written text around the block is kept byte for byte
      const outside = (text: string): string[] => [text.slice(0, text.indexOf(FIELDS_START)), text.slice(text.indexOf(FIELDS_END))];
      expect(outside(rewritten)).toEqual(outside(doc));
      expect(run(pkg, ['--check']).status).toBe(0);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('says what is wrong, without a stack trace, when docs/manifest.md has no place for the field reference', () => {
    const { root, pkg } = copyPackage();
    try {
      const docFile = join(root, 'docs/manifest.md');
      writeFileSync(docFile, readFileSync(docFile, 'utf8').replace(`${FIELDS_END}\n`, ''));
      for (const args of [['--check'], []]) {
        const r = run(pkg, args);
        expect(r.status).toBe(1);
        expect(r.stderr).toBe(
          `generate.mjs: docs/manifest.md must hold one line ${FIELDS_START} and, below it, one line ${FIELDS_END}: the field reference is written between them\n`,
        );
      }
      rmSync(docFile);
      expect(run(pkg, ['--check']).stderr).toMatch(/^generate\.mjs: docs\/manifest\.md is missing/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('rewriteRequires (ajv issue 1976: standalone code still uses require)', () => {
  it('leaves code without require alone', () => {
    expect(rewriteRequires('const a = 1;')).toEqual({ code: 'const a = 1;', modules: [] });
  });

  it('turns each required module into one ESM namespace import', () => {
    const { code, modules } = rewriteRequires(
      'const f = require("ajv/dist/runtime/equal").default;\nconst g = require("ajv/dist/runtime/equal").default;\nconst h = require("ajv-formats/dist/formats").fullFormats.date;',
    );
    expect(modules).toEqual(['ajv/dist/runtime/equal', 'ajv-formats/dist/formats']);
    expect(code).toContain('import * as __runtime0Namespace from "ajv/dist/runtime/equal.js";');
    expect(code).toContain('import * as __runtime1Namespace from "ajv-formats/dist/formats.js";');
    expect(code).toContain('const f = __runtime0.default;\nconst g = __runtime0.default;\nconst h = __runtime1.fullFormats.date;');
    expect(code).not.toContain('require(');
  });

  it('produces code that runs under Node (CommonJS module.exports shape)', () => {
    const { code } = rewriteRequires('export const equal = require("ajv/dist/runtime/equal").default;\nexport const len = require("ajv/dist/runtime/ucs2length").default;');
    const dir = mkdtempSync(join(packageRoot, 'node_modules/.tmp-rewrite-'));
    try {
      const file = join(dir, 'probe.mjs');
      writeFileSync(file, `${code}\nconsole.log(JSON.stringify([equal({ a: [1] }, { a: [1] }), equal(1, 2), len("😀")]));\n`);
      expect(execFileSync(process.execPath, [file]).toString().trim()).toBe('[true,false,1]');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs under vitest too (which may give the exports.default shape)', async () => {
    const { code } = rewriteRequires('export const equal = require("ajv/dist/runtime/equal").default;');
    // Outside node_modules, so that vitest transforms the module itself.
    const dir = mkdtempSync(join(packageRoot, '.tmp-rewrite-'));
    try {
      const file = join(dir, 'probe.mjs');
      writeFileSync(file, code);
      const probe = (await import(file)) as { equal: (a: unknown, b: unknown) => boolean };
      expect(probe.equal([1, { b: 2 }], [1, { b: 2 }])).toBe(true);
      expect(probe.equal([1], [2])).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('knows which package a specifier needs', () => {
    expect(packageOf('ajv/dist/runtime/equal')).toBe('ajv');
    expect(packageOf('ajv-formats/dist/formats')).toBe('ajv-formats');
    expect(packageOf('@scope/pkg/dist/x')).toBe('@scope/pkg');
  });
});
