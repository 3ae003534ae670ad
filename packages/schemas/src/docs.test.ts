// The user documentation in docs/ that this package is the source of: the manifest format
// (docs/manifest.md, whose field reference is generated from catalog/fields.yaml) and the
// configuration file (docs/configuration.md). Its examples must be what the schemas accept.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import {
  EVERY_FIELD_RULES,
  FIELDS_END,
  FIELDS_START,
  fieldPath,
  fieldReference,
  MANIFEST_DOC,
  readCatalog,
  replaceFieldsBlock,
} from '../scripts/codegen.mjs';
import { CATALOG_SECTIONS, FIELDS, manifestSchema, validateConfig, validateManifest } from './index.js';
import { schemaPropertyPointers } from './test-utils/schema-walk.js';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const docsDir = join(packageRoot, '../../docs');
const manifestDoc = readFileSync(join(packageRoot, MANIFEST_DOC), 'utf8');
const rulesDoc = readFileSync(join(docsDir, 'rules.md'), 'utf8');
const configDoc = readFileSync(join(docsDir, 'configuration.md'), 'utf8');

/** The rule IDs of docs/rules.md's catalogue: rows `| [\`oauth2/scope\`](rules/oauth2/scope.md) | error | yes | ... |`. */
const documentedRules = [...rulesDoc.matchAll(/^\| \[`([a-z0-9/-]+)`\]\(rules\/\1\.md\) \| (?:error|warning|info) \|/gm)].map((m) => m[1]);

/** YAML as tmcheck reads it: the YAML 1.2 core schema (dates and versions stay text), plus merge keys (`<<`). */
const MERGE = new yaml.Type('tag:yaml.org,2002:merge', { kind: 'scalar', resolve: (data: unknown) => data === '<<' });
const YAML_SCHEMA = yaml.CORE_SCHEMA.extend({ implicit: [MERGE] });

/** The fenced code blocks of a Markdown text in the given language. */
function codeBlocks(text: string, lang: string): string[] {
  return [...text.matchAll(new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((m) => m[1] ?? '');
}

function errorsOf(verdict: ReturnType<typeof validateManifest>): unknown[] {
  return verdict.valid ? [] : [...verdict.errors];
}

/** The generated block of docs/manifest.md. */
function fieldsBlock(): string {
  return manifestDoc.slice(manifestDoc.indexOf(FIELDS_START), manifestDoc.indexOf(FIELDS_END));
}

describe('docs/manifest.md', () => {
  it('has its field reference up to date with catalog/fields.yaml (else: pnpm --filter @tmcheck/schemas generate)', () => {
    const block = fieldReference(readCatalog(packageRoot), JSON.parse(readFileSync(join(packageRoot, 'schemas/manifest.schema.json'), 'utf8')) as object);
    expect(replaceFieldsBlock(manifestDoc, block)).toBe(manifestDoc);
  });

  it('documents every field of the schema, and every entry of the catalog, with its pointer', () => {
    const block = fieldsBlock();
    const pointers = new Set(['', ...schemaPropertyPointers(manifestSchema), ...FIELDS.map((f) => f.pointer)]);
    expect(pointers.size).toBe(FIELDS.length);
    for (const pointer of pointers) {
      expect(block, pointer).toContain(pointer === '' ? '- Pointer: `""`' : `- Pointer: \`${pointer}\`\n`);
    }
  });

  it('groups the fields by the catalog sections, in order, each under its section', () => {
    const block = fieldsBlock();
    const sectionAt = CATALOG_SECTIONS.map((s) => block.indexOf(`\n### ${s}\n`));
    expect(sectionAt.every((at) => at !== -1)).toBe(true);
    expect([...sectionAt].sort((a, b) => a - b)).toEqual(sectionAt);
    for (const field of FIELDS) {
      const heading = field.pointer === '' ? '#### The document' : `#### \`${fieldPath(field.pointer)}\``;
      const at = block.indexOf(`\n${heading}\n`);
      const section = CATALOG_SECTIONS.indexOf(field.section);
      expect(at, heading).toBeGreaterThan(sectionAt[section] as number);
      if (section + 1 < sectionAt.length) expect(at, heading).toBeLessThan(sectionAt[section + 1] as number);
    }
  });

  it('names for each field its TM Master label and what to enter', () => {
    const block = fieldsBlock();
    const scope = block.slice(block.indexOf('#### `exchange.pop3.oauth2.scope`'));
    expect(scope).toMatch(
      /^#### `exchange\.pop3\.oauth2\.scope`\n\nWhere: System > TM Exchange Client > Settings > OAuth2 > \*\*Scope\*\*\n\nThe POP3 server scope; .*\n\n- Pointer: `\/exchange\/pop3\/oauth2\/scope`\n- Type: text; optional\n- Prescribed: `https:\/\/outlook\.office365\.com\/\.default`\n- Rules: \[`oauth2\/scope`\]\(rules\/oauth2\/scope\.md\)/,
    );
    for (const field of FIELDS) expect(block).toContain(`**${field.label}**`);
  });

  it('lists only rules that docs/rules.md documents', () => {
    expect(documentedRules.length).toBeGreaterThan(30);
    for (const id of EVERY_FIELD_RULES) expect(documentedRules, id).toContain(id);
    for (const entry of readCatalog(packageRoot)) {
      for (const id of entry.rules ?? []) expect(documentedRules, `${entry.pointer}: ${id}`).toContain(id);
    }
  });

  it('shows, as its full example, examples/fleet/nordic-star.yaml, which the schema accepts', () => {
    const examples = codeBlocks(manifestDoc, 'yaml').filter((b) => /^schemaVersion: 1$/m.test(b));
    const full = examples.find((b) => b.includes('name: MV Nordic Star'));
    const fleet = readFileSync(join(packageRoot, '../../examples/fleet/nordic-star.yaml'), 'utf8');
    expect(yaml.load(full ?? '', { schema: YAML_SCHEMA })).toEqual(yaml.load(fleet, { schema: YAML_SCHEMA }));
  });

  it('has manifest examples that the schema accepts, document by document, empty documents skipped', () => {
    const examples = codeBlocks(manifestDoc, 'yaml').filter((b) => /^schemaVersion: 1$/m.test(b));
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const example of examples) {
      const docs = yaml.loadAll(example, undefined, { schema: YAML_SCHEMA }).filter((d) => d !== null && d !== undefined);
      expect(docs.length).toBeGreaterThan(0);
      for (const doc of docs) expect(errorsOf(validateManifest(doc))).toEqual([]);
    }
    for (const json of codeBlocks(manifestDoc, 'json')) expect(errorsOf(validateManifest(JSON.parse(json)))).toEqual([]);
  });

  it('shares an OAuth2 tab with a merge key as it says: the copied fields, and the explicit key winning', () => {
    const fragment = codeBlocks(manifestDoc, 'yaml').find((b) => b.includes('<<: *oauth2'));
    const data = yaml.load(fragment ?? '', { schema: YAML_SCHEMA }) as { exchange: { smtp: { oauth2: Record<string, unknown> }; pop3: { oauth2: Record<string, unknown> } } };
    const { smtp, pop3 } = data.exchange;
    expect(pop3.oauth2).toEqual({ ...smtp.oauth2, scope: 'https://outlook.office365.com/.default' });
    const manifest = { schemaVersion: 1, installation: { name: 'x' }, database: { version: 664 }, client: { version: '2.664.8271.1' }, serverService: { version: '2.664.8271.1' }, ...data };
    expect(errorsOf(validateManifest(manifest))).toEqual([]);
  });
});

describe('docs/configuration.md', () => {
  const configs = [
    ...codeBlocks(configDoc, 'json').map((text) => JSON.parse(text) as unknown),
    ...codeBlocks(configDoc, 'yaml').map((text) => yaml.load(text, { schema: yaml.CORE_SCHEMA })),
  ];

  it('has config examples, every one accepted by config.schema.json', () => {
    expect(configs.length).toBeGreaterThanOrEqual(4);
    for (const config of configs) expect(errorsOf(validateConfig(config))).toEqual([]);
  });

  it('names only rules that docs/rules.md documents', () => {
    const ids = (settings: unknown): string[] => Object.keys((settings ?? {}) as object);
    for (const config of configs as Array<{ rules?: object; overrides?: Array<{ rules?: object }> }>) {
      for (const id of [...ids(config.rules), ...(config.overrides ?? []).flatMap((o) => ids(o.rules))]) expect(documentedRules).toContain(id);
    }
  });
});

describe('docs/*.md', () => {
  const pages = readdirSync(docsDir).filter((f) => f.endsWith('.md'));

  it.each(pages)('%s: every JSON example is JSON', (page) => {
    for (const block of codeBlocks(readFileSync(join(docsDir, page), 'utf8'), 'json')) expect(() => JSON.parse(block)).not.toThrow();
  });
});
