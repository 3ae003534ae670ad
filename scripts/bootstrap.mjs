#!/usr/bin/env node
// Sets a fresh clone up with only Node 20 and npm, then runs one job. Used by the
// README's Quick start (`npm run quickstart`, `npm test`) and by CI.
//   node scripts/bootstrap.mjs quickstart   install, build, lint examples/fleet
//   node scripts/bootstrap.mjs test         install, build, type-check, run every test
// pnpm is installed with npm (corepack fails on these machines: shared/reference/toolchain.md),
// into .tools/ unless the pinned version is already on the PATH. No shell-only syntax: runs on Windows too.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.replace(/^pnpm@/, '');
const windows = process.platform === 'win32';
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1' };

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env, shell: windows, ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function must(command, args) {
  const status = run(command, args);
  if (status !== 0) {
    console.error(`bootstrap: "${command} ${args.join(' ')}" failed with exit status ${status}`);
    process.exit(status);
  }
}

function pnpmVersion(command) {
  const result = spawnSync(command, ['--version'], { encoding: 'utf8', env, shell: windows });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function ensurePnpm() {
  if (pnpmVersion('pnpm') === pinned) return 'pnpm';
  const prefix = join(root, '.tools');
  const bin = windows ? prefix : join(prefix, 'bin');
  const local = join(bin, windows ? 'pnpm.cmd' : 'pnpm');
  if (!existsSync(local) || pnpmVersion(local) !== pinned) {
    console.error(`bootstrap: installing pnpm ${pinned} into .tools/ with npm`);
    const globalconfig = spawnSync('npm', ['config', 'get', 'globalconfig'], { encoding: 'utf8', shell: windows }).stdout.trim();
    must('npm', ['install', '--global', '--prefix', prefix, '--globalconfig', globalconfig, '--no-audit', '--no-fund', `pnpm@${pinned}`]);
  }
  env.PATH = `${bin}${delimiter}${env.PATH ?? ''}`;
  return local;
}

/**
 * Counts the tests in turbo's output: vitest's summary line of each package ("pkg:test:  Tests  3 failed | 632 passed (635)").
 * A package whose test task started but printed no summary was cut off (a crash, a kill): it is named.
 */
function countTests(output) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const started = new Set();
  const finished = new Set();
  for (const raw of output.replace(/\u001b\[[0-9;]*m/g, '').split('\n')) {
    const m = /^(\S+):test:\s?(.*)$/.exec(raw);
    if (!m) continue;
    started.add(m[1]);
    if (!/^\s*Tests\s+\d/.test(m[2])) continue;
    finished.add(m[1]);
    passed += Number(/(\d+) passed/.exec(m[2])?.[1] ?? 0);
    failed += Number(/(\d+) failed/.exec(m[2])?.[1] ?? 0);
    skipped += Number(/(\d+) skipped/.exec(m[2])?.[1] ?? 0) + Number(/(\d+) todo/.exec(m[2])?.[1] ?? 0);
  }
  return { passed, failed, skipped, cutOff: [...started].filter((p) => !finished.has(p)).sort() };
}

const job = process.argv[2];
if (job !== 'quickstart' && job !== 'test') {
  console.error('usage: node scripts/bootstrap.mjs quickstart|test');
  process.exit(2);
}
const pnpm = ensurePnpm();
must(pnpm, ['install', '--frozen-lockfile']);
if (job === 'test') {
  // Run every task of every package even when one fails (--continue), echo it, and close with one plain
  // line that counts the tests of every package, and names the packages whose tests were cut off.
  const result = spawnSync(pnpm, ['exec', 'turbo', 'run', 'build', 'typecheck', 'lint', 'test', '--continue', '--output-logs=full'], {
    cwd: root,
    env,
    shell: windows,
    stdio: ['inherit', 'pipe', 'inherit'],
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  const output = result.stdout.toString();
  process.stdout.write(output);
  const counts = countTests(output);
  const cut = counts.cutOff.length > 0 ? `; tests cut off in ${counts.cutOff.join(', ')}` : '';
  console.log(`\n${counts.passed} passed, ${counts.failed} failed${counts.skipped > 0 ? `, ${counts.skipped} skipped` : ''}${cut}`);
  process.exit(result.status === 0 && counts.failed === 0 && counts.cutOff.length === 0 ? 0 : result.status || 1);
} else {
  must(pnpm, ['exec', 'turbo', 'run', 'build']);
  const status = run(process.execPath, ['apps/cli/bin/tmcheck.js', 'lint', 'examples/fleet']);
  if (status === 1) {
    console.error('\nExit status 1: examples/fleet holds the guide\'s classic mistakes on purpose (each file says which in its first comment).');
    // pnpm is not on a newcomer's PATH after this: name node and the entry point, which work from any folder
    const bin = join(root, 'apps', 'cli', 'bin', 'tmcheck.js');
    console.error(`Next, from any folder: node "${bin}" lint YOUR-MANIFESTS`);
    console.error(`  (node "${bin}" rules lists every rule; node "${bin}" rules oauth2/scope prints one rule's page)`);
  }
  process.exit(status === 1 ? 0 : status);
}
