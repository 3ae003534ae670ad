import { allowedProperties, fieldInfo, fieldTitle, isSecretField, manifestSchema, type SchemaError } from '@tmcheck/schemas';
import { closest } from '../errors.js';
import { escapeToken, getAt, splitPointer } from '../load/pointer.js';
import { isObj } from '../model/data.js';
import { ours, showKey, showValue, type Shown } from '../secrets/show.js';
import type { Report } from './define-rule.js';
import type { SCHEMA_MESSAGES } from '../rules/schema.js';

type SchemaReport = Report<keyof typeof SCHEMA_MESSAGES> & { readonly covers?: readonly string[] };

function schemaNode(schemaPath: string): unknown {
  const path = schemaPath.startsWith('#') ? schemaPath.slice(1) : schemaPath;
  return getAt(manifestSchema, path);
}

/** What a value is, for "found ...": its kind, and the value itself where the gate lets it be shown. */
function describe(pointer: string, value: unknown): Shown {
  if (value === null || value === undefined) return ours('nothing');
  if (Array.isArray(value)) return ours('a list');
  if (typeof value === 'object') return ours('a section');
  if (isSecretField(pointer)) return ours(typeof value === 'string' ? 'text' : `a ${typeof value}`);
  if (typeof value === 'number') return ours(`the number ${showValue(pointer, value, { bare: true })}`);
  if (typeof value === 'boolean') return ours(String(value));
  return ours(`the text ${showValue(pointer, value)}`);
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'a section (key: value lines)',
  array: 'a list',
};

/** A value as YAML writes it: quoted where a plain scalar would be read otherwise. */
function yamlScalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  if (value === '' || /^[-+.\d]|^(?:true|false|null|~|yes|no|on|off)$/i.test(value) || /[:#{}[\],&*!|>'"%@`]/.test(value)) {
    return JSON.stringify(value);
  }
  return value;
}

/** What to type for a field the catalog knows: `key: value`, a section as a one-line skeleton of its required fields. */
export function exampleOf(pointer: string, depth = 0): string | undefined {
  const info = fieldInfo(pointer);
  const key = splitPointer(pointer).at(-1) ?? '';
  if (!info) return undefined;
  if (info.type === 'object' && depth < 3) {
    const node = schemaNodeAt(pointer);
    const required = isObj(node) && Array.isArray(node['required']) ? (node['required'] as string[]) : [];
    const parts = required.map((child) => exampleOf(`${pointer}/${escapeToken(child)}`, depth + 1)).filter((p): p is string => p !== undefined);
    return `${key}: { ${parts.join(', ')} }`;
  }
  const value = info.prescribed ?? info.example;
  if (value === undefined) return `${key}: ...`;
  return `${key}: ${yamlScalar(value)}`;
}

/** The schema node of a field, by its concrete pointer. */
function schemaNodeAt(pointer: string): unknown {
  let node: unknown = manifestSchema;
  for (const token of splitPointer(pointer)) {
    if (!isObj(node)) return undefined;
    if (typeof node['$ref'] === 'string') node = { ...(getAt(manifestSchema, node['$ref'].slice(1)) as object), ...node };
    const props = (node as Record<string, unknown>)['properties'];
    if (isObj(props) && Object.hasOwn(props, token)) node = props[token];
    else if (/^\d+$/.test(token) && isObj((node as Record<string, unknown>)['items'])) node = (node as Record<string, unknown>)['items'];
    else return undefined;
  }
  return node;
}

/** The value in its proper type, when text holds one (`"995"` for a port, `"true"` for a box). */
function unquoted(value: unknown, expected: string): number | boolean | undefined {
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  if ((expected === 'integer' || expected === 'number') && /^-?\d{1,9}$/.test(t)) return Number(t);
  if (expected === 'boolean' && /^(?:true|false)$/i.test(t)) return t.toLowerCase() === 'true';
  return undefined;
}

function titleOf(pointer: string): Shown {
  return ours(fieldTitle(pointer) ?? (pointer === '' ? 'the manifest' : pointer));
}

/** Turns the validator's errors into findings that say what is wrong and what to write instead. */
export function schemaReports(errors: readonly SchemaError[], data: unknown): SchemaReport[] {
  const reports: SchemaReport[] = [];
  const typeFailed = new Set<string>();
  for (const e of errors) if (e.keyword === 'type') typeFailed.add(e.instancePath);
  const seen = new Set<string>();
  for (const e of errors) {
    const at = e.instancePath;
    if (e.keyword !== 'type' && typeFailed.has(at)) continue;
    const value = getAt(data, at);
    let report: SchemaReport;
    switch (e.keyword) {
      case 'additionalProperties': {
        const name = String(e.params['additionalProperty']);
        const pointer = `${at}/${escapeToken(name)}`;
        const allowed = allowedProperties(manifestSchema, e.schemaPath).filter((k) => k !== '$schema');
        const near = closest(name, allowed, 1)[0];
        const base = { pointer, at: 'key' as const, data: { field: titleOf(at), name: showKey(name) } };
        if (near !== undefined && !Object.hasOwn(isObj(value) ? value : {}, near)) {
          report = {
            ...base,
            messageId: 'misspelt',
            data: { ...base.data, suggestion: ours(near) },
            fix: { pointer, rename: near },
            covers: [`${at}/${escapeToken(near)}`],
          };
        } else {
          report = { ...base, messageId: 'unknownProperty', data: { ...base.data, allowed: ours(allowed.join(', ')) } };
        }
        break;
      }
      case 'required': {
        const name = String(e.params['missingProperty']);
        const pointer = `${at}/${escapeToken(name)}`;
        const example = ours(exampleOf(pointer) ?? `${name}: ...`);
        const section = fieldInfo(pointer)?.type === 'object';
        report = { pointer, messageId: section ? 'requiredSection' : 'required', data: { example } };
        break;
      }
      case 'dependentRequired': {
        const name = String(e.params['missingProperty']);
        const pointer = `${at}/${escapeToken(name)}`;
        report = { pointer, messageId: 'serverServiceRequired', data: { example: ours(exampleOf(pointer) ?? `${name}: ...`) } };
        break;
      }
      case 'type': {
        const type = String(e.params['type']);
        const expected = ours(type.split(',').map((t) => TYPE_WORDS[t] ?? t).join(' or '));
        const proper = unquoted(value, type);
        const key = splitPointer(at).at(-1) ?? '';
        if (proper !== undefined && !isSecretField(at)) {
          report = {
            pointer: at,
            messageId: 'quotedValue',
            data: { expected, found: showValue(at, value), example: ours(`${key}: ${String(proper)}`) },
            fix: { pointer: at, value: proper },
          };
        } else if (type === 'string' && (typeof value === 'number' || typeof value === 'boolean') && !isSecretField(at)) {
          const example = key === 'version' ? '"2.664.8271.20345"' : JSON.stringify(String(value));
          report = { pointer: at, messageId: 'unquotedText', data: { found: describe(at, value), example: ours(`${key}: ${example}`) } };
        } else {
          report = { pointer: at, messageId: 'wrongType', data: { expected, found: describe(at, value) } };
        }
        break;
      }
      case 'enum': {
        const allowed = ours((e.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', '));
        report = { pointer: at, messageId: 'notOneOf', data: { allowed, found: describe(at, value) } };
        break;
      }
      case 'const':
        report = { pointer: at, messageId: 'notConst', data: { expected: ours(JSON.stringify(e.params['allowedValue'])), found: describe(at, value) } };
        if (at === '/schemaVersion' && value !== 1) report = { ...report, fix: { pointer: at, value: 1 } };
        break;
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum': {
        const node = schemaNode(e.schemaPath.replace(/\/[^/]+$/, ''));
        const min = isObj(node) ? node['minimum'] : undefined;
        const max = isObj(node) ? node['maximum'] : undefined;
        const range = min !== undefined && max !== undefined ? `from ${min} to ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`;
        report = { pointer: at, messageId: 'outOfRange', data: { range: ours(range), found: describe(at, value) } };
        break;
      }
      case 'pattern':
      case 'format':
        report =
          fieldInfo(at)?.type === 'date'
            ? { pointer: at, messageId: 'notDate', data: { found: describe(at, value) } }
            : { pointer: at, messageId: 'invalid', data: { detail: ours(e.message) } };
        break;
      case 'minLength':
        report = { pointer: at, messageId: 'empty', data: { hint: ours(fieldInfo(at)?.hint ?? 'fill it in') } };
        break;
      default:
        report = { pointer: at, messageId: 'invalid', data: { detail: ours(e.message) } };
    }
    const key = `${report.pointer}\u0000${report.messageId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    reports.push(report);
  }
  return reports;
}
