// Bundles the CLI into one ESM file that starts fast (shared/reference/toolchain.md) and needs nothing
// installed beside it: the published package `tmcheck` has no runtime dependencies. Run by `build` and,
// so that a publish never ships a stale bundle, by `prepack`.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const pkg = JSON.parse(readFileSync(here('../package.json'), 'utf8'));

// One self-contained file per bin of the package ("bin" in package.json points at bin/NAME.js, which imports
// dist/NAME.js). The interactive checker, tmcheck-ui, joins this list when its issue lands.
const entries = { tmcheck: here('../src/bin.ts') };

const result = await build({
  entryPoints: entries,
  outdir: here('../dist/'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  minifySyntax: true,
  legalComments: 'none',
  metafile: true,
  define: { __TMCHECK_VERSION__: JSON.stringify(pkg.version) },
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
