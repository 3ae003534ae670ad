import { manifestSchema, type SchemaError } from '@tmcheck/schemas';
import { closest } from '../errors.js';
import { escapeToken, getAt, splitPointer } from '../load/pointer.js';
import { isObj } from '../model/access.js';
import { quote } from '../model/values.js';
import type { Report } from './define-rule.js';

const SECRET_FIELDS = new Set(['clientSecret', 'password']);

/** `exchange.pop3.oauth2` for `/exchange/pop3/oauth2`; "the manifest" for the root. */
function fieldName(pointer: string): string {
  const tokens = splitPointer(pointer);
  return tokens.length === 0 ? 'the manifest' : tokens.map((t) => (/^\d+$/.test(t) ? `[${t}]` : `.${t}`)).join('').slice(1);
}

function schemaNode(schemaPath: string): unknown {
  const path = schemaPath.startsWith('#') ? schemaPath.slice(1) : schemaPath;
  return getAt(manifestSchema, path);
}

/** The property names the schema allows where `schemaPath` (…/additionalProperties) failed. */
function allowedProperties(schemaPath: string): string[] {
  const parent = schemaNode(schemaPath.replace(/\/additionalProperties$/, ''));
  const props = isObj(parent) && isObj(parent['properties']) ? parent['properties'] : {};
  return Object.keys(props).filter((k) => k !== '$schema');
}

function describe(value: unknown, secret: boolean): string {
  const kind = value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a section' : `a ${typeof value}`;
  if (secret || value === null || typeof value === 'object') return kind;
  return `${kind} ${quote(value)}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'a section (key: value lines)',
  array: 'a list',
};

function typeHint(field: string, expected: string): string {
  if (expected !== 'string') return '';
  if (field === 'version') return ': write the version in quotes, such as "2.664.8271.20345"';
  if (field.endsWith('Id')) return ': write the ID in quotes';
  return '';
}

/** Turns the validator's errors into findings that say what is wrong and what to write instead. */
export function schemaReports(errors: readonly SchemaError[], data: unknown): Report[] {
  const reports: Report[] = [];
  const typeFailed = new Set<string>();
  for (const e of errors) if (e.keyword === 'type') typeFailed.add(e.instancePath);
  const seen = new Set<string>();
  for (const e of errors) {
    const at = e.instancePath;
    if (e.keyword !== 'type' && typeFailed.has(at)) continue;
    const tokens = splitPointer(at);
    const last = tokens[tokens.length - 1] ?? '';
    const value = getAt(data, at);
    const secret = SECRET_FIELDS.has(last);
    const where = fieldName(at);
    let pointer = at;
    let target: 'key' | undefined;
    let message: string;
    switch (e.keyword) {
      case 'additionalProperties': {
        const name = String(e.params['additionalProperty']);
        pointer = `${at}/${escapeToken(name)}`;
        target = 'key';
        const allowed = allowedProperties(e.schemaPath);
        const near = closest(name, allowed, 1);
        message = near.length > 0
          ? `unknown property "${name}" in ${where}: did you mean "${near[0]}"?`
          : `unknown property "${name}" in ${where}: the properties allowed here are ${allowed.join(', ')}`;
        break;
      }
      case 'required': {
        const name = String(e.params['missingProperty']);
        pointer = `${at}/${escapeToken(name)}`;
        message = `${where} is missing "${name}", which is required: add ${name}:`;
        break;
      }
      case 'dependentRequired': {
        const name = String(e.params['missingProperty']);
        const property = String(e.params['property']);
        pointer = `${at}/${escapeToken(name)}`;
        message =
          name === 'serverService'
            ? 'serverService is required when exchange (TM Exchange) is configured: TM Exchange runs in the TM Master V2 Server Service, so add serverService: { version: "2.DB.BUILD.REVISION" } with its build'
            : `${where} is missing "${name}", which is required when "${property}" is present`;
        break;
      }
      case 'type': {
        const expected = String(e.params['type']).split(',').map((t) => TYPE_WORDS[t] ?? t).join(' or ');
        message = `${where} must be ${expected}, not ${describe(value, secret)}${typeHint(last, String(e.params['type']))}`;
        break;
      }
      case 'enum': {
        const allowed = (e.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ');
        message = `${where} must be one of ${allowed}; found ${describe(value, secret)}`;
        break;
      }
      case 'const':
        message = `${where} must be ${JSON.stringify(e.params['allowedValue'])}; found ${describe(value, secret)}`;
        break;
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum': {
        const node = schemaNode(e.schemaPath.replace(/\/[^/]+$/, ''));
        const min = isObj(node) ? node['minimum'] : undefined;
        const max = isObj(node) ? node['maximum'] : undefined;
        const range = min !== undefined && max !== undefined ? `from ${min} to ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`;
        message = `${where} must be ${range}; found ${describe(value, secret)}`;
        break;
      }
      case 'pattern':
      case 'format':
        message = last === 'expires'
          ? `${where} must be a date written YYYY-MM-DD, such as 2027-06-30; found ${describe(value, secret)}`
          : `${where} ${e.message}; found ${describe(value, secret)}`;
        break;
      case 'minLength':
        message = `${where} must not be empty`;
        break;
      case 'minItems':
        message = `${where} must list at least ${String(e.params['limit'])} item(s)`;
        break;
      default:
        message = `${where} ${e.message}`;
    }
    const key = `${pointer}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    reports.push(target ? { pointer, message, at: target } : { pointer, message });
  }
  return reports;
}
