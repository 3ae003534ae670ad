/** Where config files are: their names, and the one nearest a folder. File-system only (no parsing here). */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const CONFIG_FILE_NAMES = ['tmcheck.config.json', 'tmcheck.config.yaml', 'tmcheck.config.yml'] as const;

/** The config file in `dir` or the nearest folder above it. */
export function findConfigFile(dir: string): string | undefined {
  let current = resolve(dir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(current, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}
