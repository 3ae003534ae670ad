// Bundles the CLI into one ESM file that starts fast (shared/reference/toolchain.md).
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: [fileURLToPath(new URL('../src/bin.ts', import.meta.url))],
  outfile: fileURLToPath(new URL('../dist/tmcheck.js', import.meta.url)),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  minifySyntax: true,
  legalComments: 'none',
  define: { __TMCHECK_VERSION__: JSON.stringify(pkg.version) },
  // commander is CommonJS and requires node builtins: give the ESM bundle a require
  banner: { js: "import { createRequire as __tmcheckCreateRequire } from 'node:module';\nconst require = __tmcheckCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});

// The documentation ships with the package (tmcheck rules ID prints a rule's page): docs/ beside dist/.
const docs = fileURLToPath(new URL('../docs/', import.meta.url));
rmSync(docs, { recursive: true, force: true });
cpSync(fileURLToPath(new URL('../../../docs/', import.meta.url)), docs, { recursive: true });
