// @tmcheck/schemas: the JSON Schemas of the installation manifest and of the
// config file, and validators that ajv generated from them at build time.
// Importing this module loads no ajv and no JSON file.

import validateConfigGenerated from './generated/config-validator.js';
import validateManifestGenerated from './generated/manifest-validator.js';
import type { GeneratedValidator } from './generated-validator.js';
import type { JsonObject, JsonValue } from './json.js';

export { configSchema, manifestSchema } from './generated/schemas.js';
export type { JsonObject, JsonValue } from './json.js';
export type {
  Azure,
  AzurePermission,
  BasicAuth,
  ClientSecret,
  Component,
  Database,
  Exchange,
  ExchangeOnline,
  ExchangePop3,
  ExchangeSmtp,
  Installation,
  InstallationKind,
  MailboxPermission,
  MailSettings,
  MailSettingsOAuth2Tab,
  Manifest,
  OAuth2Tab,
  PermissionApi,
  PermissionType,
  SmtpTest,
} from './manifest.js';
export type { ConfigOverride, RuleOptions, RuleSetting, Severity, TmcheckConfig } from './config.js';
export {
  CATALOG_SECTIONS,
  FIELDS,
  fieldInfo,
  fieldPattern,
  fieldTitle,
  isSecretField,
  type CatalogSection,
  type FieldInfo,
  type FieldType,
} from './catalog.js';

/** One schema violation: ajv's ErrorObject, trimmed to what a report needs. */
export interface SchemaError {
  /** JSON Pointer (RFC 6901) of the offending value in the document; "" is the root. */
  readonly instancePath: string;
  /** URI fragment of the failing keyword in the schema, e.g. "#/properties/exchange/properties/pop3/properties/oauth2/additionalProperties". */
  readonly schemaPath: string;
  /** The failing keyword: "required", "type", "enum", "additionalProperties", ... */
  readonly keyword: string;
  /** Keyword details, e.g. { additionalProperty: "tokenURL" }, { missingProperty: "name" }. */
  readonly params: Readonly<Record<string, unknown>>;
  /** ajv's English message, e.g. "must be integer". */
  readonly message: string;
}

export type ValidationResult = { readonly valid: true } | { readonly valid: false; readonly errors: readonly SchemaError[] };

const VALID: ValidationResult = Object.freeze({ valid: true });

function run(validate: GeneratedValidator, data: unknown): ValidationResult {
  if (validate(data)) return VALID;
  const errors = (validate.errors ?? []).map(
    (e): SchemaError =>
      Object.freeze({
        instancePath: e.instancePath,
        schemaPath: e.schemaPath,
        keyword: e.keyword,
        params: Object.freeze({ ...e.params }),
        message: e.message ?? `must pass "${e.keyword}"`,
      }),
  );
  return Object.freeze({ valid: false, errors: Object.freeze(errors) });
}

/** Checks a loaded manifest document (one YAML document or a JSON value) against manifest.schema.json. */
export function validateManifest(data: unknown): ValidationResult {
  return run(validateManifestGenerated, data);
}

/** Checks a loaded config file against config.schema.json. */
export function validateConfig(data: unknown): ValidationResult {
  return run(validateConfigGenerated, data);
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The property names that the object schema at `schemaPath` allows, in schema
 * order, for "did you mean" suggestions: pass the schema and the `schemaPath`
 * of an `additionalProperties` error (its last segment is ignored), e.g.
 * `allowedProperties(manifestSchema, "#/properties/mailSettings/properties/oauth2/additionalProperties")`
 * gives ["useOAuth2", "tokenUrl", ...]. Returns [] where the path leads nowhere.
 */
export function allowedProperties(schema: JsonObject, schemaPath: string): readonly string[] {
  if (!schemaPath.startsWith('#')) return [];
  let segments: string[];
  try {
    segments = schemaPath
      .slice(1)
      .split('/')
      .slice(1)
      .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'));
  } catch {
    return [];
  }
  if (segments.at(-1) === 'additionalProperties') segments.pop();
  let node: JsonValue | undefined = schema;
  for (const segment of segments) {
    if (Array.isArray(node)) node = (node as readonly JsonValue[])[Number(segment)];
    else if (isObject(node)) node = Object.hasOwn(node, segment) ? node[segment] : undefined;
    else return [];
  }
  if (!isObject(node)) return [];
  const properties = node['properties'];
  return isObject(properties) ? Object.keys(properties) : [];
}
