#!/usr/bin/env node
// Writes src/generated/* and schemas/manifest.schema.json from schemas/*.schema.json and
// catalog/fields.yaml, and the field reference of docs/manifest.md (see scripts/codegen.mjs).
//   node scripts/generate.mjs          write the files
//   node scripts/generate.mjs --check  change nothing; exit 1 when a file is stale
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findStale, generate, shownPath } from './codegen.mjs';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--check');
if (unknown.length > 0) {
  console.error(`generate.mjs: unknown argument ${unknown.join(' ')}; usage: node scripts/generate.mjs [--check]`);
  process.exitCode = 2;
} else {
  try {
    if (args.includes('--check')) {
      const problems = findStale(packageRoot);
      for (const problem of problems) console.error(problem);
      process.exitCode = problems.length > 0 ? 1 : 0;
    } else {
      for (const { path, contents } of generate(packageRoot)) {
        const file = join(packageRoot, path);
        let current;
        try {
          current = readFileSync(file, 'utf8');
        } catch {
          current = undefined;
        }
        if (current === contents) continue;
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, contents);
        console.log(`wrote ${shownPath(path)}`);
      }
    }
  } catch (error) {
    // a catalog, schema or docs/manifest.md that cannot be generated from: say which and why, without a stack
    console.error(`generate.mjs: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
