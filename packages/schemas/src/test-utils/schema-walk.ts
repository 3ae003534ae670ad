// Walks JSON Schemas and JSON documents for the tests.
import type { JsonObject, JsonValue } from '../index.js';

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function resolveLocalRef(root: JsonObject, ref: string): JsonObject {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are expected, got ${ref}`);
  let node: JsonValue | undefined = root;
  for (const raw of ref.slice(2).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) ? node[segment] : undefined;
  }
  if (!isObject(node)) throw new Error(`$ref ${ref} does not resolve`);
  return node;
}

/** Follows `$ref` chains (description siblings aside). */
export function deref(root: JsonObject, schema: JsonObject): JsonObject {
  let node = schema;
  for (let hops = 0; typeof node['$ref'] === 'string'; hops++) {
    if (hops > 20) throw new Error('$ref loop');
    node = resolveLocalRef(root, node['$ref']);
  }
  return node;
}

/**
 * Every property the schema defines, as an abstract JSON Pointer into a
 * document: `/exchange/pop3/oauth2/tokenUrl`, `/azure/permissions/* /api`.
 */
export function schemaPropertyPointers(root: JsonObject): string[] {
  const out: string[] = [];
  const visit = (schema: JsonObject, path: string): void => {
    const node = deref(root, schema);
    const properties = node['properties'];
    if (isObject(properties)) {
      for (const [key, child] of Object.entries(properties)) {
        const pointer = `${path}/${escapePointer(key)}`;
        out.push(pointer);
        if (isObject(child)) visit(child, pointer);
      }
    }
    const items = node['items'];
    if (isObject(items)) visit(items, `${path}/*`);
  };
  visit(root, '');
  return out.sort();
}

/** Every property present in a document, abstracted like schemaPropertyPointers. */
export function documentPropertyPointers(doc: JsonValue): string[] {
  const out = new Set<string>();
  const visit = (value: JsonValue, path: string): void => {
    if (Array.isArray(value)) {
      for (const item of value as readonly JsonValue[]) visit(item, `${path}/*`);
    } else if (isObject(value)) {
      for (const [key, child] of Object.entries(value)) {
        const pointer = `${path}/${escapePointer(key)}`;
        out.add(pointer);
        visit(child, pointer);
      }
    }
  };
  visit(doc, '');
  return [...out].sort();
}

/** Every object (not array) in a document, with its concrete JSON Pointer. */
export function documentObjects(doc: JsonValue): { pointer: string; value: JsonObject }[] {
  const out: { pointer: string; value: JsonObject }[] = [];
  const visit = (value: JsonValue, path: string): void => {
    if (Array.isArray(value)) {
      (value as readonly JsonValue[]).forEach((item, i) => visit(item, `${path}/${i}`));
    } else if (isObject(value)) {
      out.push({ pointer: path, value });
      for (const [key, child] of Object.entries(value)) visit(child, `${path}/${escapePointer(key)}`);
    }
  };
  visit(doc, '');
  return out;
}

const SCHEMA_MAPS = ['properties', '$defs', 'patternProperties', 'dependentSchemas'] as const;
const SCHEMA_ARRAYS = ['prefixItems', 'anyOf', 'allOf', 'oneOf'] as const;
const SCHEMA_VALUES = ['items', 'additionalProperties', 'propertyNames', 'not', 'if', 'then', 'else', 'contains'] as const;

/** Every subschema (object form) of a schema, with its location in the schema. */
export function subschemas(root: JsonObject): { at: string; schema: JsonObject }[] {
  const out: { at: string; schema: JsonObject }[] = [];
  const visit = (schema: JsonObject, at: string): void => {
    out.push({ at: at === '' ? '#' : `#${at}`, schema });
    for (const keyword of SCHEMA_MAPS) {
      const map = schema[keyword];
      if (isObject(map)) {
        for (const [key, child] of Object.entries(map)) {
          if (isObject(child)) visit(child, `${at}/${keyword}/${escapePointer(key)}`);
        }
      }
    }
    for (const keyword of SCHEMA_ARRAYS) {
      const list = schema[keyword];
      if (Array.isArray(list)) {
        (list as readonly JsonValue[]).forEach((child, i) => {
          if (isObject(child)) visit(child, `${at}/${keyword}/${i}`);
        });
      }
    }
    for (const keyword of SCHEMA_VALUES) {
      const child = schema[keyword];
      if (isObject(child)) visit(child, `${at}/${keyword}`);
    }
  };
  visit(root, '');
  return out;
}

/** The subschemas that describe objects: `type: "object"` or object keywords. */
export function objectSchemas(root: JsonObject): { at: string; schema: JsonObject }[] {
  return subschemas(root).filter(
    ({ schema }) => schema['type'] === 'object' || 'properties' in schema || 'required' in schema || 'additionalProperties' in schema,
  );
}
