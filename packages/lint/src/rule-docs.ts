/**
 * The rules' documentation pages (Markdown), as shipped: the tmcheck package holds them in docs/
 * beside dist/ (copied by apps/cli/scripts/bundle.mjs); a checkout has them in docs/ at the
 * repository's root. Found by walking up from this module, wherever it was bundled.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from './rules/index.js';

/** The folders that may hold the docs, nearest first: beside this module, then each folder above. */
function docRoots(): string[] {
  const roots: string[] = [];
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    roots.push(join(dir, 'docs'));
    const parent = dirname(dir);
    if (parent === dir) return roots;
    dir = parent;
  }
}

/** A rule's documentation page, or undefined for an ID that is no rule or a page not shipped. */
export function ruleDocPage(id: string): string | undefined {
  if (!RULES.some((r) => r.id === id)) return undefined;
  for (const root of docRoots()) {
    const file = join(root, 'rules', ...`${id}.md`.split('/'));
    if (existsSync(file)) return readFileSync(file, 'utf8');
  }
  return undefined;
}
