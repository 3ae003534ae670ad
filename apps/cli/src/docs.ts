/**
 * The documentation shipped with tmcheck: the package holds it in docs/ beside dist/ (copied by
 * scripts/bundle.mjs); a checkout has it in docs/ at the repository's root.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from '@tmcheck/lint';

/** The folders that may hold the docs, nearest first: beside the bundle, then each folder above. */
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

/** A rule's documentation page (Markdown), or undefined for an ID that is no rule or a page not shipped. */
export function ruleDocPage(id: string): string | undefined {
  if (!RULES.some((r) => r.id === id)) return undefined;
  for (const root of docRoots()) {
    const file = join(root, 'rules', ...`${id}.md`.split('/'));
    if (existsSync(file)) return readFileSync(file, 'utf8');
  }
  return undefined;
}
