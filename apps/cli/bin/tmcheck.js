#!/usr/bin/env node
// The published entry point: the bundle does the work (see src/bin.ts). Kept to syntax that an old Node
// parses, so that too old a Node is told so instead of failing somewhere inside the bundle.
import { existsSync } from 'node:fs';
import module from 'node:module';

const [major, minor] = process.versions.node.split('.').map(Number);
const bundle = new URL('../dist/tmcheck.js', import.meta.url);
if (major < 20 || (major === 20 && minor < 19)) {
  process.stderr.write(`tmcheck needs Node.js 20.19 or later; this is Node.js ${process.versions.node}\n`);
  process.exitCode = 2;
} else if (!existsSync(bundle)) {
  // a clone that has not been built yet (the published package always holds the bundle)
  process.stderr.write('tmcheck: the bundle dist/tmcheck.js is missing: build it first (pnpm build; in a fresh clone, npm run quickstart)\n');
  process.exitCode = 2;
} else {
  // Node 22.1 and later keep the compiled bundle between runs; Node 20 has no compile cache
  module.enableCompileCache?.();
  await import(bundle.href);
}
