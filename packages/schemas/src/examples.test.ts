import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { validateManifest } from './index.js';

const fleet = fileURLToPath(new URL('../../../examples/fleet/', import.meta.url));
const files = readdirSync(fleet).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();

describe('examples/fleet', () => {
  it('holds examples', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  it.each(files)('%s is valid against manifest.schema.json', (file) => {
    const docs = yaml.loadAll(readFileSync(join(fleet, file), 'utf8'), undefined, { schema: yaml.CORE_SCHEMA });
    expect(docs.length).toBeGreaterThan(0);
    for (const doc of docs) {
      const verdict = validateManifest(doc);
      expect(verdict.valid ? [] : verdict.errors).toEqual([]);
    }
  });
});
