// Code generation for @tmcheck/schemas, shared by scripts/generate.mjs and the
// test that checks the committed files are up to date (src/generated.test.ts).
//
// It compiles schemas/*.schema.json with ajv into standalone validators and
// inlines the schemas themselves, so that importing the package at run time
// loads neither ajv nor any JSON file. It also writes the field reference of
// docs/manifest.md from catalog/fields.yaml. Everything here is deterministic: the
// same schemas, catalog and ajv version give the same bytes.

import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
// Loaded through require so that Node and vitest see the same CommonJS shapes.
const Ajv2020 = require('ajv/dist/2020').default;
const standaloneCode = require('ajv/dist/standalone').default;
const ajvVersion = require('ajv/package.json').version;
const yaml = require('js-yaml');

export const GENERATED_DIR = 'src/generated';
export const REGENERATE_COMMAND = 'pnpm --filter @tmcheck/schemas generate';

/** The validators to generate: schema file -> generated module. */
export const VALIDATORS = Object.freeze([
  Object.freeze({ schema: 'schemas/manifest.schema.json', output: `${GENERATED_DIR}/manifest-validator.ts` }),
  Object.freeze({ schema: 'schemas/config.schema.json', output: `${GENERATED_DIR}/config-validator.ts` }),
]);

/** The module that inlines the schemas: export name -> schema file. */
export const SCHEMAS_MODULE = `${GENERATED_DIR}/schemas.ts`;
const INLINED_SCHEMAS = Object.freeze([
  Object.freeze({ exportName: 'manifestSchema', schema: 'schemas/manifest.schema.json' }),
  Object.freeze({ exportName: 'configSchema', schema: 'schemas/config.schema.json' }),
]);

const DO_NOT_EDIT = `// Do not edit: change the schema and run \`${REGENERATE_COMMAND}\`.`;

function readJson(packageRoot, file) {
  return JSON.parse(readFileSync(join(packageRoot, file), 'utf8'));
}

/** A schema as generated: the manifest schema gets its descriptions from the field catalog. */
function readSchema(packageRoot, file) {
  const schema = readJson(packageRoot, file);
  return file === MANIFEST_SCHEMA ? describeFromCatalog(schema, readCatalog(packageRoot)) : schema;
}

// ---------------------------------------------------------------------------------------------
// The field catalog (catalog/fields.yaml): the one source of what each manifest field is called
// in TM Master, what to enter, and whether it holds a secret.

export const CATALOG_FILE = 'catalog/fields.yaml';
export const MANIFEST_SCHEMA = 'schemas/manifest.schema.json';
const CATALOG_MODULE = `${'src/generated'}/catalog.ts`;
const TYPES_MODULE = `${'src/generated'}/manifest-types.ts`;

const CATALOG_KEYS = ['pointer', 'section', 'dialog', 'tab', 'label', 'hint', 'type', 'prescribed', 'example', 'secret', 'reference', 'rules'];
/**
 * Keys for docs/manifest.md only, left out of src/generated/catalog.ts: which rules check a field is
 * the linter's to know at run time (this package does not depend on it), so FieldInfo does not carry it.
 */
const DOCS_ONLY_KEYS = ['rules'];
const CATALOG_SECTIONS = ['Installation', 'Versions', 'Mail Settings', 'TM Exchange SMTP', 'TM Exchange POP3', 'Azure'];
const CATALOG_TYPES = ['string', 'integer', 'boolean', 'object', 'list', 'enum', 'const', 'date'];

/** A rule ID: `parse`, `oauth2/scope`, `azure/secret-expiring`. */
const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)?$/;
/** Rules that check many fields (schema: every one; env-reference: every text field but the secret ones); docs/manifest.md names them once. */
export const EVERY_FIELD_RULES = Object.freeze(['schema', 'env-reference']);

function checkRuleList(rules, where) {
  if (!Array.isArray(rules) || rules.length === 0) throw new Error(`${where}: "rules" must be a non-empty list of rule IDs, or be left out`);
  const ids = new Set();
  for (const id of rules) {
    if (typeof id !== 'string' || !RULE_ID.test(id)) throw new Error(`${where}: "rules" holds ${JSON.stringify(id)}, which is not a rule ID such as oauth2/scope`);
    if (EVERY_FIELD_RULES.includes(id)) throw new Error(`${where}: "rules" lists ${id}, which docs/manifest.md names once for all fields: leave it out here`);
    if (ids.has(id)) throw new Error(`${where}: "rules" lists ${id} twice`);
    ids.add(id);
  }
}

/** Reads and checks catalog/fields.yaml; throws naming the entry and key at fault. */
export function readCatalog(packageRoot) {
  const entries = yaml.load(readFileSync(join(packageRoot, CATALOG_FILE), 'utf8'), { schema: yaml.CORE_SCHEMA });
  if (!Array.isArray(entries)) throw new Error(`${CATALOG_FILE}: expected a list of fields`);
  const seen = new Set();
  for (const [i, e] of entries.entries()) {
    const where = `${CATALOG_FILE}, entry ${i + 1} (${e && e.pointer})`;
    for (const key of Object.keys(e)) if (!CATALOG_KEYS.includes(key)) throw new Error(`${where}: unknown key "${key}"`);
    for (const key of ['section', 'dialog', 'label', 'hint', 'type']) {
      if (typeof e[key] !== 'string' || e[key].trim() === '') throw new Error(`${where}: "${key}" must be non-empty text`);
    }
    if (typeof e.pointer !== 'string') throw new Error(`${where}: "pointer" must be text`);
    if (!CATALOG_SECTIONS.includes(e.section)) throw new Error(`${where}: section must be one of ${CATALOG_SECTIONS.join(', ')}`);
    if (!CATALOG_TYPES.includes(e.type)) throw new Error(`${where}: type must be one of ${CATALOG_TYPES.join(', ')}`);
    if (e.rules !== undefined) checkRuleList(e.rules, where);
    if (seen.has(e.pointer)) throw new Error(`${where}: the pointer is listed twice`);
    seen.add(e.pointer);
  }
  return entries;
}

/** Each schema node that describes a field, by its catalog pointer (list items as `*`). */
function schemaFields(schema) {
  const out = new Map();
  const resolve = (node) => (node && typeof node.$ref === 'string' ? { ...schema.$defs[node.$ref.split('/').pop()], ...node } : node);
  const visit = (node, pointer) => {
    out.set(pointer, node);
    const n = resolve(node);
    for (const [name, child] of Object.entries(n.properties ?? {})) visit(child, `${pointer}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    if (n.items && typeof n.items === 'object') visit(n.items, `${pointer}/*`);
  };
  visit(schema, '');
  return out;
}

/** How a field's description reads in editors: its label, where TM Master shows it, and the guide's hint. */
export function fieldDescription(entry) {
  const where = entry.tab && entry.tab !== entry.label ? `${entry.dialog} > ${entry.tab}` : entry.dialog;
  return `${entry.label} (${where}): ${entry.hint}`;
}

/** The schema with every field's description taken from the catalog; both must list the same fields. */
export function describeFromCatalog(schema, catalog) {
  const copy = JSON.parse(JSON.stringify(schema));
  const nodes = schemaFields(copy);
  const byPointer = new Map(catalog.map((e) => [e.pointer, e]));
  for (const pointer of nodes.keys()) {
    if (!byPointer.has(pointer)) throw new Error(`${MANIFEST_SCHEMA}: the field "${pointer}" has no entry in ${CATALOG_FILE}`);
  }
  for (const pointer of byPointer.keys()) {
    if (!nodes.has(pointer)) throw new Error(`${CATALOG_FILE}: "${pointer}" is not a field of ${MANIFEST_SCHEMA}`);
  }
  for (const [pointer, node] of nodes) {
    if (pointer === '') continue; // the root keeps its own title and description
    node.description = fieldDescription(byPointer.get(pointer));
  }
  return copy;
}

function catalogModule(packageRoot) {
  const entries = readCatalog(packageRoot).map((e) => {
    const out = {};
    for (const key of CATALOG_KEYS) if (e[key] !== undefined && !DOCS_ONLY_KEYS.includes(key)) out[key] = e[key];
    return out;
  });
  return [
    `// Generated by scripts/generate.mjs from ${CATALOG_FILE}.`,
    DO_NOT_EDIT,
    "import type { FieldInfo } from '../catalog.js';",
    '',
    `/** Every field of the manifest, in the order of ${CATALOG_FILE}. */`,
    `export const FIELDS: readonly FieldInfo[] = ${JSON.stringify(entries, null, 2)};`,
    '',
  ].join('\n');
}

/** The TypeScript name of the object or enum at each catalog pointer; one name may serve several identical nodes. */
const TYPE_NAMES = Object.freeze({
  '': 'Manifest',
  '/installation': 'Installation',
  '/installation/kind': 'InstallationKind',
  '/database': 'Database',
  '/client': 'Component',
  '/serverService': 'Component',
  '/mailSettings': 'MailSettings',
  '/mailSettings/basicAuth': 'BasicAuth',
  '/mailSettings/oauth2': 'MailSettingsOAuth2Tab',
  '/mailSettings/smtpTest': 'SmtpTest',
  '/exchange': 'Exchange',
  '/exchange/smtp': 'ExchangeSmtp',
  '/exchange/smtp/basicAuth': 'BasicAuth',
  '/exchange/smtp/oauth2': 'OAuth2Tab',
  '/exchange/pop3': 'ExchangePop3',
  '/exchange/pop3/basicAuth': 'BasicAuth',
  '/exchange/pop3/oauth2': 'OAuth2Tab',
  '/azure': 'Azure',
  '/azure/permissions/*': 'AzurePermission',
  '/azure/permissions/*/api': 'PermissionApi',
  '/azure/permissions/*/type': 'PermissionType',
  '/azure/clientSecrets/*': 'ClientSecret',
  '/azure/exchangeOnline': 'ExchangeOnline',
  '/azure/exchangeOnline/mailboxPermissions/*': 'MailboxPermission',
});

/** TypeScript interfaces for the manifest, generated from the schema, with the catalog's words as doc comments. */
function typesModule(packageRoot) {
  const schema = readJson(packageRoot, MANIFEST_SCHEMA);
  const catalog = new Map(readCatalog(packageRoot).map((e) => [e.pointer, e]));
  const declarations = new Map();
  const resolve = (node) => (node && typeof node.$ref === 'string' ? { ...schema.$defs[node.$ref.split('/').pop()], ...node } : node);
  // `full`: the label and the guide's hint; a type shared by several fields whose hints differ keeps the label only
  const doc = (pointer, indent, full = true) => {
    const e = catalog.get(pointer);
    if (!e || full === null) return '';
    return `${indent}/** ${full ? `${e.label}: ${e.hint}` : e.label} */\n`.replace(/\*\/(?!\n)/g, '* /');
  };
  // A type shared by several fields (BasicAuth, OAuth2Tab, Component) keeps the docs its uses agree on.
  const declare = (name, shape, render, pointer) => {
    const known = declarations.get(name);
    if (known === undefined) {
      declarations.set(name, { shape, pointer, pointers: [pointer], renders: [render] });
      return;
    }
    if (known.shape !== shape) throw new Error(`codegen: the type ${name} would have two different shapes (${known.pointer} and ${pointer})`);
    known.pointers.push(pointer);
    known.renders.push(render);
  };
  const textOf = (d) => {
    for (const full of [true, false]) {
      const texts = new Set(d.renders.map((r) => r(full)));
      if (texts.size === 1) return [...texts][0];
    }
    return `/** The type of ${d.pointers.join(', ')}. */\n${d.renders[0](null)}`;
  };
  const typeOf = (node, pointer) => {
    const n = resolve(node);
    const name = TYPE_NAMES[pointer];
    if (n.enum) {
      const union = n.enum.map((v) => JSON.stringify(v)).join(' | ');
      if (!name) return union;
      declare(name, union, (full) => `${doc(pointer, '', full)}export type ${name} = ${union};`, pointer);
      return name;
    }
    if (n.const !== undefined) return JSON.stringify(n.const);
    switch (n.type) {
      case 'string':
        return 'string';
      case 'integer':
      case 'number':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'array':
        return `readonly ${typeOf(n.items ?? {}, `${pointer}/*`)}[]`;
      case 'object': {
        if (!name) throw new Error(`codegen: the object at "${pointer}" needs a name in TYPE_NAMES`);
        const required = new Set(n.required ?? []);
        const fields = Object.entries(n.properties ?? {}).map(([key, child]) => {
          const childPointer = `${pointer}/${key}`;
          const optional = required.has(key) ? '' : '?';
          return { childPointer, line: `  readonly ${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}${optional}: ${typeOf(child, childPointer)};` };
        });
        const shape = fields.map((f) => f.line).join('\n');
        const render = (full) =>
          `${doc(pointer, '', full)}export interface ${name} {\n${fields.map((f) => `${doc(f.childPointer, '  ', full)}${f.line}`).join('\n')}\n}`;
        declare(name, shape, render, pointer);
        return name;
      }
      default:
        throw new Error(`codegen: cannot type the schema node at "${pointer}"`);
    }
  };
  typeOf(schema, '');
  const body = [...declarations.values()].sort((a, b) => (a.pointer < b.pointer ? -1 : 1)).map(textOf);
  return [
    `// Generated by scripts/generate.mjs from ${MANIFEST_SCHEMA} and ${CATALOG_FILE}.`,
    DO_NOT_EDIT,
    '// A document that passes validateManifest() has the type Manifest.',
    '',
    body.join('\n\n'),
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// docs/manifest.md: its field reference is written from the catalog (and the schema's required
// fields, enums and ranges) between two marker lines; the text around them is written by hand.

/** The user documentation of the manifest, relative to the package folder. */
export const MANIFEST_DOC = '../../docs/manifest.md';
export const FIELDS_START = '<!-- fields:start -->';
export const FIELDS_END = '<!-- fields:end -->';

/** How a path of generate()'s reads for people: `../../docs/manifest.md` -> `docs/manifest.md`. */
export function shownPath(path) {
  return path.startsWith('../../') ? path.slice('../../'.length) : path;
}

const unescapeToken = (token) => token.replace(/~1/g, '/').replace(/~0/g, '~');

/** A catalog pointer as the YAML reads: `/azure/permissions/*\/api` -> `azure.permissions[].api`. */
export function fieldPath(pointer) {
  if (pointer === '') return '';
  let path = '';
  for (const token of pointer.slice(1).split('/').map(unescapeToken)) {
    if (token === '*') path += '[]';
    else path += path === '' ? token : `.${token}`;
  }
  return path;
}

/** What the schema says about each field: its node, and whether its parent requires it. */
function schemaFacts(schema) {
  const out = new Map();
  const resolve = (node) => (node && typeof node.$ref === 'string' ? { ...schema.$defs[node.$ref.split('/').pop()], ...node } : node);
  const visit = (node, pointer, requirement) => {
    const n = resolve(node);
    out.set(pointer, { node: n, requirement });
    const required = new Set(n.required ?? []);
    const dependent = Object.entries(n.dependentRequired ?? {});
    for (const [name, child] of Object.entries(n.properties ?? {})) {
      const when = dependent.filter(([, needs]) => needs.includes(name)).map(([key]) => key);
      const req = required.has(name) ? { kind: 'required', parent: pointer } : when.length > 0 ? { kind: 'when', parent: pointer, when } : { kind: 'optional' };
      visit(child, `${pointer}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`, req);
    }
    if (n.items && typeof n.items === 'object') visit(n.items, `${pointer}/*`, { kind: 'item' });
  };
  visit(schema, '', { kind: 'document' });
  return out;
}

const code = (value) => `\`${String(value)}\``;

/** Catalog prose as Markdown: `${NAME}`, `{0}` and `<PLACEHOLDER>` set as code, so that no renderer takes `<...>` for HTML. */
function prose(text) {
  const out = text.replace(/\$\{[A-Za-z_][A-Za-z0-9_]*\}|\{0\}|<[^<>\s][^<>]*>/g, (m) => code(m));
  if (out.replace(/`[^`]*`/g, '').includes('<')) throw new Error(`${CATALOG_FILE}: "${text}" holds a < that Markdown may take for HTML`);
  return out;
}

function requirementText(req) {
  switch (req.kind) {
    case 'required':
      return req.parent === '' ? 'required' : `required in ${code(fieldPath(req.parent))}`;
    case 'when':
      return `required when ${req.when.map((k) => code(fieldPath(`${req.parent}/${k}`))).join(' or ')} is present`;
    case 'optional':
      return 'optional';
    default:
      return undefined; // the document itself, a list item
  }
}

function typeText(entry, node) {
  if (node.enum) return `one of ${node.enum.map(code).join(', ')}`;
  if (node.const !== undefined) return typeof node.const === 'number' ? `the number ${code(node.const)}` : code(JSON.stringify(node.const));
  if (entry.type === 'date') return `a date, written ${code('YYYY-MM-DD')}`;
  switch (node.type) {
    case 'string':
      return 'text';
    case 'boolean':
      return `${code('true')} or ${code('false')}`;
    case 'integer': {
      const { minimum: min, maximum: max } = node;
      if (min !== undefined && max !== undefined) return `a whole number from ${min} to ${max}`;
      if (min !== undefined) return `a whole number, ${min} or more`;
      return 'a whole number';
    }
    case 'object':
      return 'a section (a mapping of the fields below)';
    case 'array': {
      const item = node.items?.type;
      return item === 'object' ? 'a list, each item with the fields below' : item === 'string' ? 'a list of text' : 'a list';
    }
    default:
      throw new Error(`codegen: cannot describe the type of the schema node at "${entry.pointer}" for ${MANIFEST_DOC}`);
  }
}

/** Where the value is read: `Where: System > Settings > Mail Settings > OAuth2 > **Scope**`. */
function whereText(entry) {
  if (entry.dialog === 'the manifest') return `Where: only in the manifest (**${entry.label}**); TM Master has no such field`;
  const path = entry.dialog.split(' > ');
  if (entry.tab && entry.tab !== entry.label) path.push(entry.tab);
  // a section named after its dialog or tab (Mail Settings, OAuth2) is not named twice
  if (path[path.length - 1] === entry.label) path.pop();
  return `Where: ${prose([...path, `**${entry.label}**`].join(' > '))}`;
}

function rulesText(entry) {
  if (entry.rules !== undefined) return entry.rules.map((id) => `[${code(id)}](rules/${id}.md)`).join(', ');
  // env-reference judges text fields that are not secrets; in a number, a date or a choice of values a reference is the schema's finding
  return entry.type === 'string' && !entry.secret ? 'none besides `schema` and `env-reference`' : 'none besides `schema`';
}

/** GitHub's anchor of a heading that is plain words. */
const anchor = (heading) => heading.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');

/** The field reference: every catalog entry, grouped by section in the catalog's order of sections. */
export function fieldReference(catalog, schema) {
  const facts = schemaFacts(schema);
  const lines = [
    `<!-- Generated from packages/schemas/${CATALOG_FILE} by \`${REGENERATE_COMMAND}\`: edit the catalog, not this block. -->`,
    '',
    `Sections: ${CATALOG_SECTIONS.map((s) => `[${s}](#${anchor(s)})`).join(' · ')}`,
  ];
  for (const section of CATALOG_SECTIONS) {
    lines.push('', `### ${section}`);
    for (const entry of catalog.filter((e) => e.section === section)) {
      const fact = facts.get(entry.pointer);
      if (!fact) throw new Error(`${CATALOG_FILE}: "${entry.pointer}" is not a field of ${MANIFEST_SCHEMA}`);
      const requirement = requirementText(fact.requirement);
      const items = [
        `- Pointer: ${entry.pointer === '' ? '`""` (the empty pointer: the whole document)' : code(entry.pointer)}`,
        `- Type: ${typeText(entry, fact.node)}${requirement ? `; ${requirement}` : ''}`,
      ];
      if (entry.prescribed !== undefined) items.push(`- Prescribed: ${code(entry.prescribed)}`);
      if (entry.example !== undefined) items.push(`- Example: ${code(entry.example)}`);
      if (entry.secret) items.push('- Secret: yes; tmcheck never needs the value to lint and never prints it');
      else if (entry.reference) items.push('- May hold a `${NAME}` reference to an environment variable');
      items.push(`- Rules: ${rulesText(entry)}`);
      lines.push('', `#### ${entry.pointer === '' ? 'The document' : code(fieldPath(entry.pointer))}`, '', whereText(entry), '', prose(entry.hint), '', ...items);
    }
  }
  return lines.join('\n');
}

/** The text with the lines between the marker lines replaced by `block`; throws unless each marker line is there once, in order. */
export function replaceFieldsBlock(text, block, file = MANIFEST_DOC) {
  const lines = text.split('\n');
  const at = (marker) => lines.flatMap((line, i) => (line.trim() === marker ? [i] : []));
  const starts = at(FIELDS_START);
  const ends = at(FIELDS_END);
  if (starts.length !== 1 || ends.length !== 1 || ends[0] < starts[0]) {
    throw new Error(`${shownPath(file)} must hold one line ${FIELDS_START} and, below it, one line ${FIELDS_END}: the field reference is written between them`);
  }
  return [...lines.slice(0, starts[0] + 1), block, ...lines.slice(ends[0])].join('\n');
}

function manifestDoc(packageRoot) {
  let text;
  try {
    text = readFileSync(join(packageRoot, MANIFEST_DOC), 'utf8');
  } catch {
    throw new Error(`${shownPath(MANIFEST_DOC)} is missing: it holds the manifest's user documentation, with the field reference between ${FIELDS_START} and ${FIELDS_END}`);
  }
  const schema = readJson(packageRoot, MANIFEST_SCHEMA);
  return replaceFieldsBlock(text, fieldReference(readCatalog(packageRoot), schema));
}

/**
 * With `unicode: false` ajv counts string length in UTF-16 code units and
 * needs no run-time helper (ucs2length, which would import ajv at run time).
 * That equals the standard (code points) only for `minLength: 1`, the one use
 * here (a non-empty installation name); refuse anything else.
 */
function assertLengthKeywordsSafe(node, file, pointer = '') {
  if (Array.isArray(node)) {
    node.forEach((child, i) => assertLengthKeywordsSafe(child, file, `${pointer}/${i}`));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, child] of Object.entries(node)) {
    if (key === 'maxLength' || (key === 'minLength' && child !== 1)) {
      throw new Error(
        `${file}#${pointer}/${key}: only "minLength": 1 is supported (the generator compiles with unicode: false ` +
          'to keep ajv out of the run time, which counts UTF-16 code units instead of characters)',
      );
    }
    // "properties" maps names to schemas: a property may be called minLength.
    assertLengthKeywordsSafe(child, file, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  }
}

function newAjv() {
  // strict: true turns schema mistakes into exceptions; any warning ajv would
  // merely log fails the generation too, except the one about `unicode`.
  const fail = (...args) => {
    throw new Error(`ajv: ${args.join(' ')}`);
  };
  const logger = {
    log: fail,
    error: fail,
    warn(...args) {
      if (String(args[0]).startsWith('DEPRECATED: option unicode.')) return;
      fail(...args);
    },
  };
  return new Ajv2020({
    allErrors: true,
    strict: true,
    unicode: false,
    logger,
    code: { source: true, esm: true, lines: true },
  });
}

/**
 * ajv's standalone code still says `require("ajv/dist/runtime/x")` where a
 * keyword needs a run-time helper, even with `code.esm` (ajv issue 1976).
 * Rewrite each into an ESM namespace import. Node gives a CommonJS module's
 * `module.exports` as the namespace's `default`; vitest may give the CommonJS
 * `exports.default` there instead: pick whichever carries the properties.
 * Returns the code and the bare module specifiers it now imports.
 */
export function rewriteRequires(code) {
  const modules = [];
  const rewritten = code.replace(/\brequire\(\s*"([^"]+)"\s*\)/g, (_match, specifier) => {
    let index = modules.indexOf(specifier);
    if (index === -1) index = modules.push(specifier) - 1;
    return `__runtime${index}`;
  });
  if (modules.length === 0) return { code, modules };
  const imports = modules.map((specifier, index) => {
    const file = /\.[cm]?js$/.test(specifier) ? specifier : `${specifier}.js`;
    return (
      `import * as __runtime${index}Namespace from ${JSON.stringify(file)};\n` +
      `const __runtime${index} = __runtime${index}Namespace.default !== null && typeof __runtime${index}Namespace.default === "object" ` +
      `? __runtime${index}Namespace.default : __runtime${index}Namespace;\n`
    );
  });
  return { code: `${imports.join('')}${rewritten}`, modules };
}

/** The npm package a bare specifier belongs to (`ajv/dist/x` -> `ajv`). */
export function packageOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function validatorModule(packageRoot, { schema: schemaFile, output }) {
  const schema = readSchema(packageRoot, schemaFile);
  assertLengthKeywordsSafe(schema, schemaFile);
  const ajv = newAjv();
  const validate = ajv.compile(schema);
  const source = standaloneCode(ajv, validate);

  // ajv writes: "use strict";\nexport const validate = validateN;\nexport default validateN;\n...
  const header = /^"use strict";\nexport const validate = (validate\d+);\nexport default \1;\n/;
  const match = header.exec(source);
  if (!match) throw new Error(`${output}: unexpected shape of ajv's standalone code (ajv ${ajvVersion}); update scripts/codegen.mjs`);
  const name = match[1];
  const { code, modules } = rewriteRequires(source.slice(match[0].length));

  if (modules.length > 0) {
    const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'));
    const missing = [...new Set(modules.map(packageOf))].filter((p) => !(pkg.dependencies && p in pkg.dependencies));
    if (missing.length > 0) {
      throw new Error(
        `${schemaFile}: the generated validator needs ${modules.join(', ')} at run time; ` +
          `move ${missing.join(', ')} to "dependencies" in package.json, or avoid the keyword that needs it`,
      );
    }
  }

  return [
    '// @ts-nocheck',
    `// Generated by scripts/generate.mjs from ${schemaFile} with ajv ${ajvVersion} (standalone code).`,
    DO_NOT_EDIT,
    "import type { GeneratedValidator } from '../generated-validator.js';",
    '',
    `const validate: GeneratedValidator = ${name};`,
    'export default validate;',
    '',
    code.endsWith('\n') ? code : `${code}\n`,
  ].join('\n');
}

function schemasModule(packageRoot) {
  const lines = [
    `// Generated by scripts/generate.mjs from ${INLINED_SCHEMAS.map((s) => s.schema).join(' and ')}.`,
    DO_NOT_EDIT,
    '// Inlined so that dist/ needs no JSON file and no JSON import at run time.',
    "import { deepFreeze, type JsonObject } from '../json.js';",
  ];
  for (const { exportName, schema } of INLINED_SCHEMAS) {
    const json = JSON.stringify(readSchema(packageRoot, schema), null, 2);
    lines.push('', `/** The JSON Schema in ${schema}. */`, `export const ${exportName}: JsonObject = deepFreeze<JsonObject>(${json});`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Generates every file, in memory.
 * @param {string} packageRoot the folder of packages/schemas
 * @returns {{ path: string, contents: string }[]} paths relative to packageRoot, sorted
 */
export function generate(packageRoot) {
  const files = [
    ...VALIDATORS.map((v) => ({ path: v.output, contents: validatorModule(packageRoot, v) })),
    { path: SCHEMAS_MODULE, contents: schemasModule(packageRoot) },
    { path: CATALOG_MODULE, contents: catalogModule(packageRoot) },
    { path: TYPES_MODULE, contents: typesModule(packageRoot) },
    { path: MANIFEST_SCHEMA, contents: `${JSON.stringify(readSchema(packageRoot, MANIFEST_SCHEMA), null, 2)}\n` },
    { path: MANIFEST_DOC, contents: manifestDoc(packageRoot) },
  ];
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Compares freshly generated files with those on disk.
 * @param {string} packageRoot
 * @returns {string[]} one message per stale, missing or unexpected file; empty when up to date
 */
export function findStale(packageRoot) {
  const expected = generate(packageRoot);
  const problems = [];
  for (const { path, contents } of expected) {
    let actual;
    try {
      actual = readFileSync(join(packageRoot, path), 'utf8');
    } catch {
      problems.push(`${path} is missing: run ${REGENERATE_COMMAND}`);
      continue;
    }
    if (actual !== contents) {
      problems.push(
        path === MANIFEST_DOC
          ? `${shownPath(path)} is stale (the field reference between ${FIELDS_START} and ${FIELDS_END}): run ${REGENERATE_COMMAND}`
          : `${path} is stale: run ${REGENERATE_COMMAND}`,
      );
    }
  }
  let present = [];
  try {
    present = readdirSync(join(packageRoot, GENERATED_DIR)).map((f) => `${GENERATED_DIR}/${f}`);
  } catch {
    // a missing folder is already reported file by file
  }
  const known = new Set(expected.map((f) => f.path));
  for (const path of present.sort()) {
    if (!known.has(path)) problems.push(`${path} is not generated by scripts/generate.mjs: delete it, then run ${REGENERATE_COMMAND}`);
  }
  return problems;
}
