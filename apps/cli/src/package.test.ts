// The published package, as a user gets it: `pnpm pack` (which rebuilds the bundle, as a publish does), the
// tarball installed by npm, offline and with an empty cache, into an empty folder outside the workspace, and
// tmcheck run from yet another folder. Nothing of the workspace is reachable from there, so anything the
// package forgot to bundle or to ship fails here.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES, parseDocuments } from '@tmcheck/lint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmcheck } from './test-io.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const cliDir = join(repo, 'apps', 'cli');
const fleet = join(repo, 'examples', 'fleet');
const pkg = JSON.parse(readFileSync(join(cliDir, 'package.json'), 'utf8')) as { name: string; version: string };
const windows = process.platform === 'win32';

// What the package manager running the tests put in the environment (npm_config_*, npm_lifecycle_*, pnpm's own)
// is not what a user's shell has: leave it out. No colour, so that output compares as text.
const env: Record<string, string | undefined> = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^(npm_|pnpm_config_|pnpm_package_|pnpm_script_|force_color$)/i.test(key)),
);
env['NO_COLOR'] = '1';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: readonly string[], cwd: string): Run {
  // npm and the .bin shims are .cmd files on Windows: they need a shell there, and quoting
  const quoted = windows ? args.map((a) => (/[\s"]/.test(a) ? `"${a.replace(/"/g, '\\"')}"` : a)) : args;
  const result = spawnSync(command, quoted, { cwd, env, encoding: 'utf8', shell: windows, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new Error(`could not run ${command} (it must be on the PATH): ${result.error.message}`);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The pnpm that runs the tests (turbo runs each package's tests through it), else the one on the PATH. */
function pnpm(args: readonly string[], cwd: string): Run {
  const execpath = process.env['npm_execpath'];
  if (execpath && /^pnpm/i.test(basename(execpath))) {
    return /\.[cm]?js$/.test(execpath) ? run(process.execPath, [execpath, ...args], cwd) : run(execpath, args, cwd);
  }
  return run('pnpm', args, cwd);
}

/** Every file under a folder, relative to it, with forward slashes. */
function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(root, join(dir, entry.name)) : [relative(root, join(dir, entry.name)).split(sep).join('/')],
  );
}

/** The findings an example expects, from its `# expect: RULE POINTER` lines. */
function expected(file: string): string[] {
  return [...readFileSync(join(fleet, file), 'utf8').matchAll(/^# expect: (\S+) (\S+)$/gm)].map((m) => `${m[1]} ${m[2]}`).sort();
}

interface Report {
  tool: { name: string; version: string };
  results: { filePath: string; messages: { ruleId: string; pointer: string; severity: string }[] }[];
  errorCount: number;
}

let tmp = '';
let packed: string[] = [];
let manifest: Record<string, unknown> = {};
let installed = '';
let tmcheckBin = '';
let tmcheckUiBin = '';
let elsewhere = '';

describe('tmcheck packed and installed', () => {
  beforeAll(() => {
    tmp = realpathSync(mkdtempSync(join(tmpdir(), 'tmcheck-package-')));
    const outside = relative(repo, tmp);
    if (!outside.startsWith('..') && !isAbsolute(outside)) throw new Error(`the temporary folder ${tmp} is inside the workspace`);

    // pack as a publish does: prepack rebuilds the bundle and the docs beside it, workspace: ranges are rewritten
    const pack = pnpm(['pack', '--pack-destination', tmp, '--json'], cliDir);
    if (pack.code !== 0) throw new Error(`pnpm pack failed (${pack.code}):\n${pack.stdout}\n${pack.stderr}`);
    // lifecycle output may come before the JSON, which starts on a line of its own
    const json = pack.stdout.startsWith('{') ? pack.stdout : pack.stdout.slice(pack.stdout.lastIndexOf('\n{') + 1);
    const result = JSON.parse(json) as { name: string; version: string; filename: string; files: { path: string }[] };
    packed = result.files.map((f) => f.path).sort();
    const tarball = isAbsolute(result.filename) ? result.filename : join(tmp, basename(result.filename));

    // an empty project; an empty npm cache (as on CI), and --offline: with no dependency, nothing needs fetching
    const project = join(tmp, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), '{ "private": true }\n');
    const install = run(
      'npm',
      ['install', '--offline', '--no-audit', '--no-fund', '--no-update-notifier', '--cache', join(tmp, 'npm-cache'), '--prefix', project, tarball],
      project,
    );
    if (install.code !== 0) throw new Error(`npm install of the tarball failed (${install.code}):\n${install.stdout}\n${install.stderr}`);
    installed = join(project, 'node_modules', pkg.name);
    manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Record<string, unknown>;
    tmcheckBin = join(project, 'node_modules', '.bin', windows ? 'tmcheck.cmd' : 'tmcheck');
    tmcheckUiBin = join(project, 'node_modules', '.bin', windows ? 'tmcheck-ui.cmd' : 'tmcheck-ui');

    // an unrelated folder with copies of two examples: one with mistakes, one correct
    elsewhere = join(tmp, 'elsewhere');
    mkdirSync(elsewhere);
    for (const file of ['scopes-swapped.yaml', 'nordic-star.yaml']) copyFileSync(join(fleet, file), join(elsewhere, file));
  });

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  describe('the packed tarball', () => {
    it('holds the bin, the bundle, the docs, the README and the LICENSE, and nothing else', () => {
      expect(packed).toEqual(expect.arrayContaining(['bin/tmcheck.js', 'dist/tmcheck.js', 'bin/tmcheck-ui.js', 'dist/tmcheck-ui.js', 'package.json', 'README.md', 'LICENSE']));
      expect(packed).toEqual(expect.arrayContaining(['docs/cli.md', 'docs/manifest.md', 'docs/configuration.md', 'docs/pipelines.md', 'docs/rules.md']));
      for (const file of packed) expect(file).toMatch(/^(bin\/[^/]+\.js|dist\/(?:chunks\/)?[^/]+\.js|docs\/.+\.md|package\.json|README\.md|LICENSE|CHANGELOG\.md)$/);
      expect(packed.filter((f) => /(^|\/)(src|node_modules|scripts)\/|\.test\.|\.ts$|tsconfig|vitest/.test(f))).toEqual([]);
    });

    it('ships the page of every rule, which tmcheck rules ID prints', () => {
      const missing = RULES.map((r) => `docs/rules/${r.id}.md`).filter((page) => !packed.includes(page));
      expect(missing).toEqual([]);
    });

    it('is what npm installed, and npm installed nothing beside it', () => {
      expect(filesUnder(installed).sort()).toEqual(packed);
      expect(readdirSync(join(tmp, 'project', 'node_modules')).filter((e) => !e.startsWith('.'))).toEqual([pkg.name]);
      expect(realpathSync(installed).startsWith(tmp)).toBe(true);
    });

    it('declares the bin, the licence and the Node versions, and no runtime dependency', () => {
      expect(manifest['name']).toBe('tmcheck');
      expect(manifest['version']).toBe(pkg.version);
      expect(manifest['bin']).toEqual({ tmcheck: 'bin/tmcheck.js', 'tmcheck-ui': 'bin/tmcheck-ui.js' });
      expect(manifest['license']).toBe('MIT');
      expect(manifest['engines']).toEqual({ node: '>=20.19' });
      expect(manifest['private']).toBeUndefined();
      for (const key of ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies', 'bundledDependencies']) {
        expect(manifest[key], key).toBeUndefined();
      }
      expect(JSON.stringify(manifest)).not.toContain('workspace:');
      expect(readFileSync(join(installed, 'LICENSE'), 'utf8')).toContain('MIT License');
    });
  });

  describe('tmcheck installed from the tarball, run from an unrelated folder', () => {
    it('lints a manifest with mistakes: exit 1, the expected findings', () => {
      const r = run(tmcheckBin, ['lint', '--format', 'json', '--now', '2027-06-01', 'scopes-swapped.yaml'], elsewhere);
      expect(r.stderr).not.toContain('internal error');
      expect(r.code).toBe(1);
      const report = JSON.parse(r.stdout) as Report;
      expect(report.tool).toEqual({ name: 'tmcheck', version: pkg.version });
      expect(report.results.map((x) => x.filePath)).toEqual(['scopes-swapped.yaml']);
      expect(report.results[0]?.messages.map((m) => `${m.ruleId} ${m.pointer}`).sort()).toEqual(expected('scopes-swapped.yaml'));
      // the default, stylish report: each finding with its rule
      const stylish = run(tmcheckBin, ['lint', '--now', '2027-06-01', 'scopes-swapped.yaml'], elsewhere);
      expect(stylish.code).toBe(1);
      expect(stylish.stdout.match(/ error .* oauth2\/scope$/gm)).toHaveLength(2);
    });

    it('lints a correct manifest: exit 0, no finding', () => {
      expect(expected('nordic-star.yaml')).toEqual([]);
      const r = run(tmcheckBin, ['lint', '--format', 'json', '--now', '2027-06-01', 'nordic-star.yaml'], elsewhere);
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as Report).results.map((x) => x.messages)).toEqual([[]]);
    });

    it('prints a rule page shipped with the package', () => {
      const r = run(tmcheckBin, ['rules', 'oauth2/scope'], elsewhere);
      expect(r.code).toBe(0);
      const page = readFileSync(join(repo, 'docs', 'rules', 'oauth2', 'scope.md'), 'utf8');
      expect(r.stdout).toBe(page.endsWith('\n') ? page : `${page}\n`);
    });

    it('prints the package version and the schemas', () => {
      const version = run(tmcheckBin, ['--version'], elsewhere);
      expect(version.code).toBe(0);
      expect(version.stdout.trim()).toBe(pkg.version);
      const schema = run(tmcheckBin, ['schema'], elsewhere);
      expect(schema.code).toBe(0);
      expect(JSON.parse(schema.stdout)).toHaveProperty('$id');
    });

    it('runs tmcheck-ui, which without a terminal says so in one line, points to tmcheck lint and exits 2', () => {
      // spawnSync gives the child pipes, not a terminal
      const r = run(tmcheckUiBin, ['scopes-swapped.yaml'], elsewhere);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^tmcheck-ui: needs an interactive terminal.*tmcheck lint/);
      const ui = run(tmcheckBin, ['ui'], elsewhere);
      expect(ui.code).toBe(2);
      expect(ui.stderr).toBe(r.stderr);
      const help = run(tmcheckUiBin, ['--help'], elsewhere);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('Usage: tmcheck-ui');
    });

    it('loads Ink only in tmcheck-ui: no file tmcheck.js loads holds any of it', () => {
      const dist = join(installed, 'dist');
      /** The files a bundle file imports, statically or by import(), as paths under dist/. */
      const importsOf = (file: string): string[] =>
        [...readFileSync(join(dist, file), 'utf8').matchAll(/(?:from|import\()\s*"(\.\.?\/[^"]+\.js)"/g)].map((m) =>
          join(file, '..', m[1] as string).split('\\').join('/'),
        );
      const reach = (entry: string, skip: string): Set<string> => {
        const seen = new Set<string>();
        const queue = [entry];
        while (queue.length > 0) {
          const file = queue.pop() as string;
          if (seen.has(file) || file === skip) continue;
          seen.add(file);
          queue.push(...importsOf(file));
        }
        return seen;
      };
      const holdsInk = (file: string): boolean => /node_modules\/ink\/|react-reconciler/.test(readFileSync(join(dist, file), 'utf8'));
      expect([...reach('tmcheck-ui.js', '')].some(holdsInk)).toBe(true);
      expect([...reach('tmcheck.js', 'tmcheck-ui.js')].filter(holdsInk)).toEqual([]);
    });

    it('starts without the bundle only to say it is missing', () => {
      // the same bin file in a folder without dist/: a clone that was not built
      const unbuilt = join(tmp, 'unbuilt');
      mkdirSync(join(unbuilt, 'bin'), { recursive: true });
      copyFileSync(join(installed, 'bin', 'tmcheck.js'), join(unbuilt, 'bin', 'tmcheck.js'));
      writeFileSync(join(unbuilt, 'package.json'), '{ "type": "module" }\n');
      const r = run(process.execPath, [join(unbuilt, 'bin', 'tmcheck.js'), '--version'], elsewhere);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('dist/tmcheck.js is missing');
      expect(existsSync(join(unbuilt, 'dist'))).toBe(false);
    });
  });

});

describe('publishing with changesets', () => {
  const workspace = ['packages', 'apps'].flatMap((group) =>
    readdirSync(join(repo, group))
      .filter((name) => existsSync(join(repo, group, name, 'package.json')))
      .map((name) => JSON.parse(readFileSync(join(repo, group, name, 'package.json'), 'utf8')) as { name: string; private?: boolean }),
  );

  it('publishes tmcheck, publicly, and nothing else of the workspace', () => {
    const config = JSON.parse(readFileSync(join(repo, '.changeset', 'config.json'), 'utf8')) as { access: string; privatePackages: unknown };
    expect(config.access).toBe('public');
    expect(config.privatePackages).toEqual({ version: false, tag: false });
    expect(workspace.filter((p) => p.private !== true).map((p) => p.name)).toEqual(['tmcheck']);
  });

  it('has changesets that name only the published package (changeset version rejects the others)', () => {
    const folder = join(repo, '.changeset');
    const named = readdirSync(folder)
      .filter((f) => f.endsWith('.md') && f !== 'README.md')
      .flatMap((f) => {
        const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(folder, f), 'utf8'))?.[1] ?? '';
        return [...front.matchAll(/^\s*["']?([^"':\s]+)["']?\s*:/gm)].map((m) => `${f}: ${m[1]}`);
      });
    expect(named.filter((entry) => !entry.endsWith(': tmcheck'))).toEqual([]);
  });
});

describe('docs/pipelines.md (shipped in the package)', () => {
  const page = readFileSync(join(repo, 'docs', 'pipelines.md'), 'utf8');
  const blocks = [...page.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1] as string);
  const jobs = blocks.map((text) => {
    const [doc, ...rest] = parseDocuments(text);
    if (!doc || rest.length > 0 || doc.problem) throw new Error(`a YAML job of docs/pipelines.md does not parse:\n${text}`);
    return doc.data as Job;
  });
  const [github, azure, gitlab] = jobs as [Job, Job, Job];

  /** The tmcheck command lines of a job, in order, split at the shell operators. */
  function commands(job: unknown): Command[] {
    const lines: string[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === 'string') lines.push(...value.split('\n').filter((l) => l.includes('npx --yes')));
      else if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    walk(job);
    return lines.map((line) => {
      const [command = '', ...after] = line.split(/ (\|\||>>) /);
      const args = command.trim().split(/\s+/);
      const at = args.indexOf('lint');
      const option = (names: string[]) => args[args.findIndex((a) => names.includes(a)) + 1];
      return { line, package: args[2] ?? '', args: args.slice(at + 1), format: option(['-f', '--format']), output: option(['-o', '--output']), after: after.join(' ') };
    });
  }

  it('has a job for GitHub Actions, Azure Pipelines and GitLab CI, each valid YAML', () => {
    expect(jobs).toHaveLength(3);
    expect(Object.keys(github)).toEqual(expect.arrayContaining(['on', 'jobs']));
    expect(Object.keys(azure)).toEqual(expect.arrayContaining(['pool', 'steps']));
    expect(Object.keys(gitlab)).toEqual(['tmcheck']);
  });

  it('runs only options and formats that tmcheck lint has, with one pinned version', async () => {
    const help = (await tmcheck(['lint', '--help'])).stdout;
    const known = new Set(help.match(/(?<![\w-])--?[a-z][\w-]*/g));
    const all = jobs.flatMap(commands);
    expect(all.length).toBeGreaterThanOrEqual(6);
    for (const c of all) {
      expect(['"$TMCHECK"', '$(TMCHECK)'], c.line).toContain(c.package);
      for (const option of c.args.filter((a) => a.startsWith('-'))) expect(known.has(option), `${option} in ${c.line}`).toBe(true);
      expect(['stylish', 'json', 'sarif', 'junit', 'markdown', 'github', 'gitlab'], c.line).toContain(c.format);
    }
    const pins = new Set([...page.matchAll(/TMCHECK: (\S+)/g)].map((m) => m[1]));
    expect([...pins]).toEqual(['tmcheck@1.2.3']);
  });

  it('fails each job on the exit status of its last tmcheck run, after writing the reports', () => {
    for (const job of jobs) {
      const runs = commands(job);
      const last = runs.at(-1) as Command;
      expect(last.after, last.line).toBe('');
      expect(last.args).toContain('--max-warnings');
      // the runs before let only exit 1 (findings) through: never || true, which would hide a failed run (exit 2)
      for (const c of runs.slice(0, -1)) expect(c.after, c.line).toMatch(/(^|\s)\|\| \[ \$\? -eq 1 \]$/);
    }
  });

  it('GitHub Actions: SARIF to code scanning, Markdown to the job summary, annotations from --format github', () => {
    const job = Object.values(github['jobs'] as Record<string, Job>)[0] as Job;
    expect(job['permissions']).toMatchObject({ 'security-events': 'write' });
    const steps = job['steps'] as Job[];
    const sarif = commands(github).find((c) => c.format === 'sarif');
    const upload = steps.find((s) => String(s['uses']).startsWith('github/codeql-action/upload-sarif@'));
    expect((upload?.['with'] as Job)['sarif_file']).toBe(sarif?.output);
    expect(commands(github).find((c) => c.format === 'markdown')?.after).toMatch(/^>> "\$GITHUB_STEP_SUMMARY" /);
    expect(commands(github).at(-1)?.format).toBe('github');
  });

  it('Azure Pipelines: JUnit published with PublishTestResults@2, also when the lint step fails', () => {
    const steps = azure['steps'] as Job[];
    const publish = steps.find((s) => s['task'] === 'PublishTestResults@2') as Job;
    expect(publish['condition']).toBe('succeededOrFailed()');
    expect(publish['inputs']).toMatchObject({ testResultsFormat: 'JUnit', testResultsFiles: commands(azure).find((c) => c.format === 'junit')?.output });
    expect(steps.indexOf(publish)).toBe(steps.length - 1);
  });

  it('GitLab CI: the junit and codequality reports, kept when the job fails', () => {
    const artifacts = (gitlab['tmcheck'] as Job)['artifacts'] as Job;
    expect(artifacts['when']).toBe('always');
    expect(artifacts['reports']).toEqual({
      junit: commands(gitlab).find((c) => c.format === 'junit')?.output,
      codequality: commands(gitlab).find((c) => c.format === 'gitlab')?.output,
    });
  });
});

type Job = Record<string, unknown>;
interface Command {
  readonly line: string;
  readonly package: string;
  readonly args: string[];
  readonly format: string | undefined;
  readonly output: string | undefined;
  readonly after: string;
}
