/**
 * What rules read: the document projected onto the manifest schema, typed by the types generated
 * from it (@tmcheck/schemas). A field whose value has the wrong type, and a property the schema
 * does not know, are absent from the view: the `schema` rule reports them, once. A YAML key with
 * no value (null) is absent too: it counts as not filled in.
 */
import { manifestSchema, type JsonObject, type Manifest } from '@tmcheck/schemas';

/** Every field optional (a document may lack any of them), list items possibly absent. */
export type View<T> = T extends readonly (infer U)[]
  ? readonly (View<U> | undefined)[]
  : T extends object
    ? { readonly [K in keyof T]?: View<T[K]> }
    : T;

export type ManifestView = View<Manifest>;
export type MailSettingsView = NonNullable<ManifestView['mailSettings']>;
export type OAuth2TabView = NonNullable<NonNullable<NonNullable<ManifestView['exchange']>['pop3']>['oauth2']>;
export type MailSettingsOAuth2TabView = NonNullable<MailSettingsView['oauth2']>;
export type BasicAuthView = NonNullable<MailSettingsView['basicAuth']>;
export type ExchangeSmtpView = NonNullable<NonNullable<ManifestView['exchange']>['smtp']>;
export type ExchangePop3View = NonNullable<NonNullable<ManifestView['exchange']>['pop3']>;
export type AzureView = NonNullable<ManifestView['azure']>;

type Node = JsonObject;

const DEFS = manifestSchema['$defs'] as Node;

/** Each schema node with its `$ref` resolved, once (the view is built for every document of a fleet). */
const RESOLVED = new WeakMap<Node, Node>();

function resolve(node: Node): Node {
  let resolved = RESOLVED.get(node);
  if (resolved === undefined) {
    const ref = node['$ref'];
    resolved = typeof ref === 'string' ? { ...(DEFS[ref.split('/').pop() as string] as Node), ...node } : node;
    RESOLVED.set(node, resolved);
  }
  return resolved;
}

/** The names of a node's properties, once. */
const PROPERTY_NAMES = new WeakMap<Node, readonly string[]>();

function propertyNames(props: Record<string, Node>): readonly string[] {
  let names = PROPERTY_NAMES.get(props);
  if (names === undefined) {
    names = Object.keys(props);
    PROPERTY_NAMES.set(props, names);
  }
  return names;
}

const NO_PROPERTIES: Record<string, Node> = {};

function matches(node: Node, value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(node['enum'])) return (node['enum'] as unknown[]).includes(value);
  if (node['const'] !== undefined) return value === node['const'];
  switch (node['type']) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && !Array.isArray(value);
    default:
      return true;
  }
}

const hasOwn = Object.prototype.hasOwnProperty;

function project(node: Node, value: unknown): unknown {
  const n = resolve(node);
  if (!matches(n, value)) return undefined;
  if (Array.isArray(value)) {
    const items = n['items'];
    return typeof items === 'object' && items !== null ? value.map((item) => project(items as Node, item)) : value;
  }
  if (typeof value === 'object' && value !== null) {
    const props = (n['properties'] ?? NO_PROPERTIES) as Record<string, Node>;
    const out: Record<string, unknown> = {};
    for (const key of propertyNames(props)) {
      if (!hasOwn.call(value, key)) continue;
      const projected = project(props[key] as Node, (value as Record<string, unknown>)[key]);
      if (projected !== undefined) out[key] = projected;
    }
    return Object.freeze(out);
  }
  return value;
}

/** The document as rules read it; an empty view when the document is not a mapping. */
export function manifestView(data: unknown): ManifestView {
  return (project(manifestSchema, data) ?? Object.freeze({})) as ManifestView;
}
