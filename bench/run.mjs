#!/usr/bin/env node
// pnpm bench: what users wait for, measured. Every figure is the median of several runs (with the min and max),
// and figures that are compared are taken side by side in the same run, in turn (A B A B ...), so that a
// comparison holds while the machine's speed drifts. Prints a table and writes it into bench/RESULTS.md
// (between the bench markers; the rest of that file, the analysis, is kept).
//
//   cold start   tmcheck --version, tmcheck lint <one manifest>, tmcheck version X: each as a ratio to node -e 0
//   fleet        tmcheck lint FLEET --format json -o FILE as a fresh process on a generated fleet of 10,000
//                manifests: wall time, manifests per second, peak RSS
//   peer         ajv-cli validating the same files against `tmcheck schema`, in the same rounds
//   growth       1,000, 10,000 and 50,000 manifests: time and peak RSS per manifest
//   cache        --cache: the cold run, the unchanged fleet again, and after one file changed
//   findings     one file with 4,000, 8,000, 16,000 and 32,000 findings (unknown keys): time as it doubles
//   in-process   the lint library on the fleet in one warm process, one thread (not what a user waits for)
//
// Options: --quick (fewer runs, no 50,000 fleet; for development), --runs N (rounds of the process figures),
// --cli FILE (measure another build of the CLI entry, e.g. a bundle built elsewhere), --vs FILE (another build
// of the CLI entry, run in the same rounds as the fleet of 10,000: before and after a change), --no-write (print only).
// Needs a build (pnpm bench builds first). Nothing here is asserted: targets are reported as met or missed.
import { spawnSync } from 'node:child_process';
import { cpus, totalmem, platform, arch, release } from 'node:os';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { ensureFleet, FLEET_NOW } from './fleet.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
};
const QUICK = flag('--quick');
const ROUNDS = Number(option('--runs', QUICK ? 2 : 5));
const START_ROUNDS = QUICK ? 5 : 15;
const cli = option('--cli', join(root, 'apps', 'cli', 'bin', 'tmcheck.js'));
const other = option('--vs', undefined);
const lintDist = join(root, 'packages', 'lint', 'dist', 'index.js');
const work = join(root, 'bench', '.fleet');
const preload = pathToFileURL(join(root, 'bench', 'peak-rss.mjs')).href;

if (!existsSync(cli) || !existsSync(lintDist) || !existsSync(join(root, 'apps', 'cli', 'dist', 'tmcheck.js'))) {
  console.error('bench: build first (pnpm build; pnpm bench builds by itself)');
  process.exit(2);
}
const require = createRequire(join(root, 'package.json'));
let ajvBin;
try {
  const ajvPkg = require.resolve('ajv-cli/package.json');
  ajvBin = join(dirname(ajvPkg), JSON.parse(readFileSync(ajvPkg, 'utf8')).bin.ajv);
} catch {
  ajvBin = undefined;
}

// ---------------------------------------------------------------- measuring
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 === 1 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length });

/** Runs a command as a fresh process; its wall time (ms), exit status, peak RSS (bytes, when `rss`), standard error. */
function once(command, { cwd = root, rss = false, env = {} } = {}) {
  const [file, ...rest] = command;
  const rssFile = join(work, `rss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  const argv = rss && file === process.execPath ? ['--import', preload, ...rest] : rest;
  const t0 = performance.now();
  const r = spawnSync(file, argv, {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', ...env, ...(rss ? { TMCHECK_BENCH_RSS: rssFile } : {}) },
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - t0;
  if (r.error) throw r.error;
  const peak = rss && existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : undefined;
  return { ms, status: r.status, peak, stderr: r.stderr.toString() };
}

/** Runs several commands in turn, `rounds` times (after one warm-up round); each command's samples. */
function rounds(commands, n, options = {}) {
  const samples = commands.map(() => []);
  for (let round = -1; round < n; round++) {
    for (const [i, c] of commands.entries()) {
      c.before?.(round);
      const r = once(c.command, { ...options, ...c.options });
      if (r.status !== 0 && r.status !== 1) throw new Error(`bench: ${c.name} exited ${r.status}:\n${r.stderr.slice(0, 2000)}`);
      if (round >= 0) samples[i].push(r);
    }
  }
  return samples;
}

const tm = (...rest) => [process.execPath, cli, ...rest];
const ms = (x) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const range = (s, fmt) => `${fmt(s.median)} (${fmt(s.min)}-${fmt(s.max)})`;
const ratio = (x) => `${x.toFixed(2)}x`;
const lines = [];
const say = (line = '') => {
  console.log(line);
  lines.push(line);
};
const progress = (text) => process.stderr.write(`bench: ${text}\n`);

// ---------------------------------------------------------------- the fleets
mkdirSync(work, { recursive: true });
progress('fleets (made once under bench/.fleet, again when the generator changes)');
const fleets = { 1000: ensureFleet(1_000), 10000: ensureFleet(10_000), ...(QUICK ? {} : { 50000: ensureFleet(50_000) }) };
const main = fleets[10000];
const schema = join(work, 'manifest.schema.json');
{
  const r = spawnSync(process.execPath, [cli, 'schema'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench: tmcheck schema failed: ${r.stderr}`);
  writeFileSync(schema, r.stdout);
}
const report = join(work, 'report.json');
const fleetLint = (dir, ...extra) => tm('lint', dir, '--now', FLEET_NOW, '--format', 'json', '-o', report, ...extra);

// ---------------------------------------------------------------- cold start
progress(`cold start (${START_ROUNDS} rounds)`);
const oneManifest = join(root, 'examples', 'fleet', 'nordic-star.yaml');
const start = rounds(
  [
    { name: 'node -e 0', command: [process.execPath, '-e', '0'] },
    { name: 'tmcheck --version', command: tm('--version') },
    { name: 'tmcheck lint <one manifest>', command: tm('lint', oneManifest, '--now', FLEET_NOW) },
    { name: 'tmcheck version 2.664.8271.20345', command: tm('version', '2.664.8271.20345') },
  ],
  START_ROUNDS,
);
const bare = start[0].map((r) => r.ms);
const startRatios = start.slice(1).map((samples) => samples.map((r, i) => r.ms / bare[i]));

// ---------------------------------------------------------------- the fleet and the peer
progress(`the fleet of 10,000 and ajv-cli (${ROUNDS} rounds)`);
const ajvArgs = ['validate', '--spec=draft2020', '-s', schema, ...main.ajv.flatMap((f) => ['-d', f])];
const peerPossible = ajvBin !== undefined && (process.platform !== 'win32' || ajvArgs.join(' ').length < 30_000);
const fleetRuns = rounds(
  [
    { name: 'tmcheck lint (10,000)', command: fleetLint(main.dir), options: { rss: true, env: { TMCHECK_DEBUG: '1' } } },
    ...(peerPossible ? [{ name: 'ajv-cli', command: [process.execPath, ajvBin, ...ajvArgs], options: { cwd: main.dir, rss: true } }] : []),
    ...(other ? [{ name: 'the other build', command: [process.execPath, other, 'lint', main.dir, '--now', FLEET_NOW, '--format', 'json', '-o', report], options: { rss: true } }] : []),
  ],
  ROUNDS,
);
const [tmFleet, ajvFleet] = peerPossible ? fleetRuns : [fleetRuns[0], undefined];
const otherFleet = other ? fleetRuns[fleetRuns.length - 1] : undefined;
const threads = /linted on ([^\n]*)/.exec(tmFleet[0].stderr)?.[1] ?? 'unknown';
const reportData = JSON.parse(readFileSync(report, 'utf8'));
const findings = reportData.results.reduce((n, r) => n + r.messages.length, 0);
const installations = reportData.results.length;

// ---------------------------------------------------------------- growth
const growthSizes = QUICK ? [1000, 10000] : [1000, 10000, 50000];
progress(`growth: ${growthSizes.join(', ')} manifests`);
const growth = new Map([[10000, tmFleet]]);
for (const size of growthSizes) {
  if (growth.has(size)) continue;
  const n = size >= 50_000 ? Math.max(1, Math.min(ROUNDS, 3)) : ROUNDS;
  growth.set(size, rounds([{ name: `tmcheck lint (${size})`, command: fleetLint(fleets[size].dir), options: { rss: true } }], n)[0]);
}

// ---------------------------------------------------------------- the cache
progress('--cache: cold, unchanged, one file changed');
const cacheFile = join(work, 'bench.tmcheckcache');
const changing = join(main.dir, main.ajv[0]);
const original = readFileSync(changing);
let cacheRuns;
let cacheProblem;
try {
  const withCache = fleetLint(main.dir, '--cache', '--cache-location', cacheFile);
  cacheRuns = rounds(
    [
      { name: 'cold, --cache', command: withCache, before: () => rmSync(cacheFile, { force: true }), options: { rss: true } },
      { name: 'unchanged', command: withCache, options: { rss: true } },
      {
        name: 'one file changed',
        command: withCache,
        before: (round) => writeFileSync(changing, Buffer.concat([original, Buffer.from(`# edited by the bench, round ${round + 2}\n`)])),
        options: { rss: true },
      },
    ],
    QUICK ? 1 : Math.max(1, Math.min(ROUNDS, 3)),
  );
} catch (error) {
  cacheProblem = /unknown option '--cache'/.test(error.message) ? 'this CLI has no --cache option' : error.message.split('\n')[0];
} finally {
  writeFileSync(changing, original);
  rmSync(cacheFile, { force: true });
}

// ---------------------------------------------------------------- many findings in one file
const findingSizes = QUICK ? [4000, 16000] : [4000, 8000, 16000, 32000];
progress(`one file with ${findingSizes.join(', ')} findings`);
const manyFindings = new Map();
for (const count of findingSizes) {
  // keys the manifest does not know, each its own finding (the list is cut at 1,000 with one that counts the rest)
  const file = join(work, `findings-${count}.yaml`);
  const keys = Array.from({ length: count - 1 }, (_v, i) => `unknownSetting${i}: ${i}`).join('\n');
  writeFileSync(file, `schemaVersion: 1\n${keys}\n`);
  manyFindings.set(count, rounds([{ name: `${count} findings`, command: tm('lint', file, '--now', FLEET_NOW, '--format', 'json', '-o', report) }], ROUNDS)[0]);
}

// ---------------------------------------------------------------- in-process
progress('in-process (one thread, warm)');
const lint = await import(pathToFileURL(lintDist).href);
const inProcess = [];
for (let pass = 0; pass < (QUICK ? 2 : 4); pass++) {
  const t0 = performance.now();
  const run = await lint.createLinter({ now: FLEET_NOW, concurrency: 'off' }).run([main.dir]);
  if (pass > 0) inProcess.push(performance.now() - t0);
  if (run.files !== 10_000) throw new Error(`bench: in-process run linted ${run.files} files`);
}

// ---------------------------------------------------------------- the table
const times = (samples) => stats(samples.map((r) => r.ms));
const peaks = (samples) => stats(samples.map((r) => r.peak ?? Number.NaN));
const verdict = (ok, by) => (ok ? 'met' : `missed${by ? ` by ${by}` : ''}`);
const cpu = cpus();
say(`Machine: ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB; ${platform()} ${release()} ${arch}`);
say(`Node ${process.version}; ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${QUICK ? 'quick run (--quick)' : 'full run'}`);
say(`Fleet: ${main.count.toLocaleString('en')} manifests (${installations.toLocaleString('en')} installations, ${main.multi} files with several, ${main.json} JSON; ${(main.bytes / 1024 / 1024).toFixed(1)} MB), ${findings.toLocaleString('en')} findings, every rule on; --now ${FLEET_NOW}`);
say('Figures: median (min-max) of the rounds; ratios are taken round by round, commands in turn.');
say('');
say('| what | figure | ratio | target |');
say('|---|---|---|---|');
say(`| \`node -e 0\` | ${range(stats(bare), ms)} | 1 | |`);
const startTargets = [1.3, 1.5, undefined];
for (const [i, name] of ['`tmcheck --version`', '`tmcheck lint <one manifest>`', '`tmcheck version X`'].entries()) {
  const r = stats(startRatios[i]);
  const target = startTargets[i];
  const t = target === undefined ? '' : `<= ${target}x: ${verdict(r.median <= target, `${((r.median / target - 1) * 100).toFixed(0)}%`)}`;
  say(`| ${name} | ${range(times(start[i + 1]), ms)} | ${range(r, ratio)} | ${t} |`);
}
const tmT = times(tmFleet);
const tmP = peaks(tmFleet);
say(`| fleet: \`tmcheck lint\` 10,000 manifests, fresh process, \`--format json -o FILE\` (${threads}) | ${range(tmT, ms)}; ${Math.round(main.count / (tmT.median / 1000)).toLocaleString('en')} manifests/s; peak RSS ${range(tmP, mb)} | | < 250 MB: ${verdict(tmP.median < 250 * 1024 * 1024)} |`);
if (ajvFleet) {
  const aT = times(ajvFleet);
  const speed = stats(ajvFleet.map((r, i) => r.ms / tmFleet[i].ms));
  say(`| peer: ajv-cli 5.0.0 on the same files (${main.ajv.length.toLocaleString('en')} of them: it stops at the first file with several documents or that does not parse), \`tmcheck schema\`, draft 2020-12 | ${range(aT, ms)}; peak RSS ${range(peaks(ajvFleet), mb)} | tmcheck ${range(speed, ratio)} as fast | >= 1.5x: ${verdict(speed.median >= 1.5, `${((1 - speed.median / 1.5) * 100).toFixed(0)}%`)} |`);
} else {
  say('| peer: ajv-cli | not measured (ajv-cli not installed, or the command line too long here) | | |');
}
if (otherFleet) {
  const speed = stats(otherFleet.map((r, i) => r.ms / tmFleet[i].ms));
  say(`| the same fleet, \`--vs\` build (${other}) | ${range(times(otherFleet), ms)}; peak RSS ${range(peaks(otherFleet), mb)} | this build ${range(speed, ratio)} as fast | |`);
}
const perManifest = new Map();
for (const size of growthSizes) {
  const s = growth.get(size);
  const t = times(s);
  const p = peaks(s);
  perManifest.set(size, { t: t.median / size, p: p.median });
  say(`| growth: ${size.toLocaleString('en')} manifests | ${range(t, ms)} (${((t.median / size) * 1000).toFixed(0)} µs/manifest); peak RSS ${range(p, mb)} (${((p.median / size) / 1024).toFixed(1)} KB/manifest) | | |`);
}
if (perManifest.has(50000)) {
  const time = perManifest.get(50000).t / perManifest.get(10000).t;
  const memory = perManifest.get(50000).p / perManifest.get(10000).p;
  say(`| growth 10,000 -> 50,000 | time per manifest ${ratio(time)}; peak RSS ${ratio(memory)} | | time linear: ${verdict(time <= 1.25)}; RSS <= ~2x: ${verdict(memory <= 2.2, `${((memory / 2 - 1) * 100).toFixed(0)}%`)} |`);
}
if (cacheRuns) {
  const [cold, same, changed] = cacheRuns.map(times);
  const speedup = stats(cacheRuns[0].map((r, i) => r.ms / cacheRuns[1][i].ms));
  const speedup1 = stats(cacheRuns[0].map((r, i) => r.ms / cacheRuns[2][i].ms));
  say(`| \`--cache\`, cold (no cache file) | ${range(cold, ms)}; peak RSS ${range(peaks(cacheRuns[0]), mb)} | 1 | |`);
  say(`| \`--cache\`, the fleet unchanged | ${range(same, ms)}; peak RSS ${range(peaks(cacheRuns[1]), mb)} | ${range(speedup, ratio)} as fast | >= 5x: ${verdict(speedup.median >= 5, `${((1 - speedup.median / 5) * 100).toFixed(0)}%`)} |`);
  say(`| \`--cache\`, one file changed | ${range(changed, ms)} | ${range(speedup1, ratio)} as fast | |`);
} else {
  say(`| \`--cache\` | not measured: ${cacheProblem} | | |`);
}
let previousFindings;
for (const count of findingSizes) {
  const t = times(manyFindings.get(count));
  const growthNote = previousFindings ? `${ratio(t.median / previousFindings.t.median)} the time of ${previousFindings.count.toLocaleString('en')}` : '';
  const target = count === 16000 ? `< 1 s: ${verdict(t.median < 1000)}` : '';
  say(`| one file with ${count.toLocaleString('en')} findings (unknown keys), fresh process | ${range(t, ms)} | ${growthNote} | ${target} |`);
  previousFindings = { count, t };
}
say(`| in-process (library, one thread, warm; not what a user waits for) | ${range(stats(inProcess), ms)} for 10,000 | | |`);

// ---------------------------------------------------------------- RESULTS.md
if (!flag('--no-write')) {
  const file = join(root, 'bench', 'RESULTS.md');
  const begin = '<!-- bench:start (written by pnpm bench; edit outside these markers) -->';
  const end = '<!-- bench:end -->';
  const block = `${begin}\n${lines.join('\n')}\n${end}`;
  const old = existsSync(file) ? readFileSync(file, 'utf8') : `# Benchmark results\n\n${begin}\n${end}\n`;
  const a = old.indexOf(begin.slice(0, 20));
  const b = old.indexOf(end);
  const next = a !== -1 && b !== -1 ? `${old.slice(0, a)}${block}${old.slice(b + end.length)}` : `${old.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
  progress('written to bench/RESULTS.md');
}
