// Bundles the CLI into one ESM file that starts fast (shared/reference/toolchain.md) and needs nothing
// installed beside it: the published package `tmcheck` has no runtime dependencies. Run by `build` and,
// so that a publish never ships a stale bundle, by `prepack`.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
// --outdir DIR: the bundles only, elsewhere (the interactive checker's end-to-end test bundles its own copy, so
// that it never reads a dist/ that a build running beside it is rewriting); the docs are synchronised only into
// the package's own docs/.
const outArgument = process.argv.indexOf('--outdir');
const outdir = outArgument === -1 ? here('../dist/') : resolve(process.argv[outArgument + 1] ?? '.');
const pkg = JSON.parse(readFileSync(here('../package.json'), 'utf8'));

// One self-contained file per bin of the package ("bin" in package.json points at bin/NAME.js, which imports
// dist/NAME.js). tmcheck-ui is the interactive checker, the workspace package @tmcheck/tui (apps/tui): Ink and
// React are in its bundle only, so that `tmcheck lint` never loads them (`tmcheck ui` imports that bundle).
const entries = { tmcheck: here('../src/bin.ts'), 'tmcheck-ui': fileURLToPath(import.meta.resolve('@tmcheck/tui')) };

// Ink connects to React DevTools only when DEV=true, through its build/devtools.js, which imports
// react-devtools-core (an optional peer, not installed) and ws (whose optional native add-ons are not either):
// an empty module in its place, else every start fails with ERR_MODULE_NOT_FOUND.
const noDevtools = {
  name: 'no-react-devtools',
  setup(b) {
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'react-devtools-core', namespace: 'no-devtools' }));
    b.onResolve({ filter: /^\.\/devtools\.js$/ }, (args) => (/[\\/]ink[\\/]build[\\/]/.test(args.importer) ? { path: 'ink-devtools', namespace: 'no-devtools' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'no-devtools' }, () => ({ contents: 'export default {};', loader: 'js' }));
  },
};

const result = await build({
  entryPoints: entries,
  outdir,
  // Each command is a dynamic import (src/main.ts): split, `tmcheck --version` and `tmcheck version` load neither
  // the rules nor YAML, and `tmcheck lint` loads no probe, no fix writer it does not use.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  minifySyntax: true,
  legalComments: 'none',
  metafile: true,
  define: { __TMCHECK_VERSION__: JSON.stringify(pkg.version), 'process.env.NODE_ENV': '"production"' },
  plugins: [noDevtools],
  // commander is CommonJS and requires node builtins: give the ESM bundle a require
  banner: { js: "import { createRequire as __tmcheckCreateRequire } from 'node:module';\nconst require = __tmcheckCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});

// Nothing may be left for npm to install: every import that stays outside the bundle is one of Node's own.
const outside = new Set();
for (const output of Object.values(result.metafile.outputs)) {
  for (const imported of output.imports) if (imported.external && !isBuiltin(imported.path)) outside.add(imported.path);
}
if (outside.size > 0) {
  console.error(`bundle: the bundle imports ${[...outside].join(', ')} at run time; the package has no runtime dependencies, so bundle them`);
  process.exit(1);
}

// `tmcheck lint` must never load Ink (start-up time, shared/reference/toolchain.md): nothing of Ink or React in tmcheck.js.
// With splitting, that is: no file that tmcheck.js imports, statically or by import(), holds them, but through tmcheck-ui.js.
const outputs = result.metafile.outputs;
const uiOnly = (file) => Object.keys(outputs[file]?.inputs ?? {}).some((input) => /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?(?:ink|react|react-reconciler|yoga-layout)\//.test(input));
const cliEntry = Object.keys(outputs).find((file) => /(?:^|\/)tmcheck\.js$/.test(file));
const reached = new Set();
const queue = cliEntry ? [cliEntry] : [];
while (queue.length > 0) {
  const file = queue.pop();
  if (reached.has(file)) continue;
  reached.add(file);
  for (const imported of outputs[file]?.imports ?? []) {
    if (imported.external || /(?:^|\/)tmcheck-ui\.js$/.test(imported.path)) continue;
    queue.push(imported.path);
  }
}
for (const file of reached) {
  if (uiOnly(file)) {
    console.error(`bundle: ${file}, which tmcheck.js loads, holds Ink/React: only tmcheck-ui.js may`);
    process.exit(1);
  }
}
// stale chunks of an earlier build go (the entries and the chunks of this build stay)
const built = new Set(Object.keys(outputs).map((file) => resolve(file)));
const chunks = join(outdir, 'chunks');
if (existsSync(chunks)) for (const file of readdirSync(chunks)) if (!built.has(join(chunks, file))) rmSync(join(chunks, file));

/** Every file under a folder, as paths relative to it. */
function filesUnder(root, dir = root) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(root, path) : [relative(root, path)];
  });
}

/** Removes the empty folders under dir (not dir itself). */
function pruneEmpty(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const path = join(dir, entry.name);
    pruneEmpty(path);
    if (readdirSync(path).length === 0) rmdirSync(path);
  }
}

// The documentation ships with the package (tmcheck rules ID prints a rule's page): docs/ beside dist/.
// Synchronised, not replaced: a page is rewritten (to a temporary file, then renamed) only when it changed, and
// removed only when it is gone from the source, so that a reader (tmcheck rules, a test running while `pnpm pack`
// rebuilds) never finds a page missing or half written.
if (outArgument !== -1) process.exit(0);
const source = here('../../../docs/');
const target = here('../docs/');
const wanted = new Set(filesUnder(source));
for (const file of wanted) {
  const text = readFileSync(join(source, file));
  const to = join(target, file);
  if (existsSync(to) && readFileSync(to).equals(text)) continue;
  mkdirSync(dirname(to), { recursive: true });
  const temporary = `${to}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, to);
}
for (const file of filesUnder(target)) if (!wanted.has(file)) rmSync(join(target, file));
if (existsSync(target)) pruneEmpty(target);
