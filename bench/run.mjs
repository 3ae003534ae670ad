#!/usr/bin/env node
// pnpm bench: the lint path's speed, measured (never asserted in tests).
//   1. a generated fleet of 10,000 manifests, linted in one process (target: under 1.5 s)
//   2. `tmcheck lint` on one file against bare `node -e 0` (target: within 2x)
// Options: --manifests N (default 10000), --runs N (start-up runs, default 15).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const lintDist = join(root, 'packages', 'lint', 'dist', 'index.js');
const cliBin = join(root, 'apps', 'cli', 'bin', 'tmcheck.js');
if (!existsSync(lintDist) || !existsSync(join(root, 'apps', 'cli', 'dist', 'tmcheck.js'))) {
  console.error('bench: build first (pnpm build)');
  process.exit(2);
}

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}
const COUNT = arg('--manifests', 10_000);
const RUNS = arg('--runs', 15);
const TARGET_FLEET_S = 1.5;
const TARGET_STARTUP_RATIO = 2;

// --- the fleet: the example fleet's files, varied by name, written once under bench/.fleet/N
const examples = join(root, 'examples', 'fleet');
const templates = readdirSync(examples).filter((f) => f.endsWith('.yaml')).sort().map((f) => readFileSync(join(examples, f), 'utf8'));
const fleetDir = join(root, 'bench', '.fleet', String(COUNT));
if (!existsSync(join(fleetDir, 'done'))) {
  rmSync(fleetDir, { recursive: true, force: true });
  for (let i = 0; i < COUNT; i++) {
    const folder = join(fleetDir, `group-${String(Math.floor(i / 500)).padStart(2, '0')}`);
    if (i % 500 === 0) mkdirSync(folder, { recursive: true });
    const text = templates[i % templates.length].replace(/name: (.*)/, `name: $1 #${i}`);
    writeFileSync(join(folder, `installation-${String(i).padStart(5, '0')}.yaml`), text);
  }
  writeFileSync(join(fleetDir, 'done'), '');
}

const lint = await import(lintDist);
const options = { config: lint.resolveConfig(lint.RULES), today: '2026-11-29', rules: lint.RULES };

function lintFleet() {
  const t0 = performance.now();
  const { files } = lint.collectManifests([fleetDir]);
  let findings = 0;
  let documents = 0;
  for (const file of files) {
    for (const r of lint.lintFile(file, options)) {
      documents++;
      findings += r.messages.length;
    }
  }
  return { ms: performance.now() - t0, files: files.length, documents, findings };
}

lintFleet(); // warm the file cache and the JIT once
const fleetRuns = [lintFleet(), lintFleet(), lintFleet()];
const fleet = fleetRuns.sort((a, b) => a.ms - b.ms)[1];

// --- start-up: one file through the bundled CLI against bare node
function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function time(args) {
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
    samples.push(performance.now() - t0);
    if (r.status === 2) throw new Error(`bench: ${args.join(' ')} failed`);
  }
  return median(samples);
}
const oneFile = join(examples, 'nordic-star.yaml');
time(['-e', '0']);
const bare = time(['-e', '0']);
const cli = time([cliBin, 'lint', oneFile]);
const ratio = cli / bare;

// --- the CLI on the whole fleet, end to end (start-up, discovery, reading, lint, report)
const t0 = performance.now();
spawnSync(process.execPath, [cliBin, 'lint', fleetDir, '--format', 'json', '--output', join(root, 'bench', '.fleet', 'report.json')], { stdio: 'ignore' });
const cliFleet = performance.now() - t0;

const verdict = (ok) => (ok ? 'OK  ' : 'SLOW');
console.log(`tmcheck bench (node ${process.version}, ${process.platform}/${process.arch})`);
console.log(
  `${verdict(fleet.ms / 1000 < TARGET_FLEET_S)} fleet: ${fleet.files} manifests (${fleet.documents} installations, ${fleet.findings} findings) linted in one process in ${(fleet.ms / 1000).toFixed(3)} s (target < ${TARGET_FLEET_S} s; ${Math.round(fleet.files / (fleet.ms / 1000))} manifests/s)`,
);
console.log(`${verdict(ratio <= TARGET_STARTUP_RATIO)} start-up: tmcheck lint on one file ${cli.toFixed(1)} ms vs node -e 0 ${bare.toFixed(1)} ms: ${ratio.toFixed(2)}x (target <= ${TARGET_STARTUP_RATIO}x; median of ${RUNS})`);
console.log(`     cli on the fleet, end to end with the JSON report: ${(cliFleet / 1000).toFixed(3)} s`);
