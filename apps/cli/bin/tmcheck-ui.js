#!/usr/bin/env node
// The published entry point of the interactive checker: the bundle dist/tmcheck-ui.js does the work
// (apps/tui, bundled with Ink and React). Kept to syntax that an old Node parses, like bin/tmcheck.js.
import { existsSync } from 'node:fs';
import module from 'node:module';

const [major, minor] = process.versions.node.split('.').map(Number);
const bundle = new URL('../dist/tmcheck-ui.js', import.meta.url);
if (major < 20 || (major === 20 && minor < 19)) {
  process.stderr.write(`tmcheck-ui needs Node.js 20.19 or later; this is Node.js ${process.versions.node}\n`);
  process.exitCode = 2;
} else if (!existsSync(bundle)) {
  // a clone that has not been built yet (the published package always holds the bundle)
  process.stderr.write('tmcheck-ui: the bundle dist/tmcheck-ui.js is missing: build it first (pnpm build; in a fresh clone, npm run quickstart)\n');
  process.exitCode = 2;
} else {
  module.enableCompileCache?.();
  const { runUi } = await import(bundle.href);
  process.exitCode = await runUi(process.argv.slice(2));
}
