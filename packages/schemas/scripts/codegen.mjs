// Code generation for @tmcheck/schemas, shared by scripts/generate.mjs and the
// test that checks the committed files are up to date (src/generated.test.ts).
//
// It compiles schemas/*.schema.json with ajv into standalone validators and
// inlines the schemas themselves, so that importing the package at run time
// loads neither ajv nor any JSON file. Everything here is deterministic: the
// same schemas and the same ajv version give the same bytes.

import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
// Loaded through require so that Node and vitest see the same CommonJS shapes.
const Ajv2020 = require('ajv/dist/2020').default;
const standaloneCode = require('ajv/dist/standalone').default;
const ajvVersion = require('ajv/package.json').version;

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

function readSchema(packageRoot, file) {
  return JSON.parse(readFileSync(join(packageRoot, file), 'utf8'));
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
    if (actual !== contents) problems.push(`${path} is stale: run ${REGENERATE_COMMAND}`);
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
