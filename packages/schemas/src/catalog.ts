// The field catalog: what TM Master calls each field of the manifest, where the screen shows it,
// what the guide says to enter, and whether it holds a secret. The data is catalog/fields.yaml,
// generated into ./generated/catalog.ts; the schema's descriptions are written from it too.

import { FIELDS } from './generated/catalog.js';

/** The groups of the interactive checker's results and of docs/manifest.md, in the guide's order. */
export type CatalogSection = 'Installation' | 'Versions' | 'Mail Settings' | 'TM Exchange SMTP' | 'TM Exchange POP3' | 'Azure';

export const CATALOG_SECTIONS: readonly CatalogSection[] = [
  'Installation',
  'Versions',
  'Mail Settings',
  'TM Exchange SMTP',
  'TM Exchange POP3',
  'Azure',
];

export type FieldType = 'string' | 'integer' | 'boolean' | 'object' | 'list' | 'enum' | 'const' | 'date';

export interface FieldInfo {
  /** JSON Pointer of the field; `*` stands for any index of a list. */
  readonly pointer: string;
  readonly section: CatalogSection;
  /** Where the value is read: the TM Master dialog (menu path > tab) or the Azure portal page. */
  readonly dialog: string;
  /** The tab or group of the dialog, as the screen names it (OAuth2, Basic Auth, SMTP Test Function). */
  readonly tab?: string;
  /** The label exactly as the screen shows it. */
  readonly label: string;
  /** What to enter, in the guide's words. */
  readonly hint: string;
  readonly type: FieldType;
  /** The value the guide prescribes, where it prescribes one. */
  readonly prescribed?: string | number | boolean;
  /** A typical value. */
  readonly example?: string | number | boolean;
  /** The field holds a secret: never printed, whole or in part. */
  readonly secret?: boolean;
  /** The field may hold a `${NAME}` reference to an environment variable. */
  readonly reference?: boolean;
}

export { FIELDS };

const BY_PATTERN = new Map<string, FieldInfo>(FIELDS.map((f) => [f.pointer, f]));

/**
 * Memo of a pure function of a pointer: the same pointers recur in every document of a fleet, and
 * rules, the engine and the gate each ask. Bounded: starts over when full.
 */
function memo<R>(fn: (pointer: string) => R, max = 4096): (pointer: string) => R {
  let cache = new Map<string, R>();
  return (pointer) => {
    const hit = cache.get(pointer);
    if (hit !== undefined || cache.has(pointer)) return hit as R;
    const value = fn(pointer);
    if (cache.size >= max) cache = new Map();
    cache.set(pointer, value);
    return value;
  };
}

/** The catalog pattern of a concrete pointer: list indexes become `*` (`/azure/permissions/0/name` -> `/azure/permissions/*\/name`). */
export const fieldPattern: (pointer: string) => string = memo(fieldPatternOnce);

function fieldPatternOnce(pointer: string): string {
  if (pointer === '') return '';
  const tokens = pointer.slice(1).split('/');
  let node = '';
  let pattern = '';
  for (const token of tokens) {
    // a numeric token is an index only where the catalog has a list at that place
    const asItem = `${node}/*`;
    const next = /^(?:0|[1-9]\d*)$/.test(token) && BY_PATTERN.has(asItem) ? asItem : `${node}/${token}`;
    node = next;
    pattern = next;
  }
  return pattern;
}

/** The catalog entry of a field, by its concrete pointer; undefined for a pointer the manifest has no field at. */
export function fieldInfo(pointer: string): FieldInfo | undefined {
  return BY_PATTERN.get(fieldPattern(pointer));
}

/** The list positions in a pointer, 1-based, for titles: `/azure/permissions/2/name` -> [3]. */
function itemNumbers(pointer: string): number[] {
  const out: number[] = [];
  let node = '';
  for (const token of pointer === '' ? [] : pointer.slice(1).split('/')) {
    const asItem = `${node}/*`;
    if (/^(?:0|[1-9]\d*)$/.test(token) && BY_PATTERN.has(asItem)) {
      out.push(Number(token) + 1);
      node = asItem;
    } else node = `${node}/${token}`;
  }
  return out;
}

/**
 * How messages name a field: the section, the tab and the label as TM Master shows them
 * ("TM Exchange POP3 > OAuth2 > Scope", "Mail Settings > SMTP Server", "Client version",
 * "Azure > API permissions #2 > Type"). Undefined for a pointer that names no field.
 */
export const fieldTitle: (pointer: string) => string | undefined = memo(fieldTitleOnce);

function fieldTitleOnce(pointer: string): string | undefined {
  const pattern = fieldPattern(pointer);
  const info = BY_PATTERN.get(pattern);
  if (!info) return undefined;
  const numbers = itemNumbers(pointer);
  const parts: string[] = [];
  // the entries a title passes through: each list item is named by its list's label and number
  let node = '';
  let n = 0;
  const segments = pattern === '' ? [] : pattern.slice(1).split('/');
  for (let i = 0; i < segments.length; i++) {
    node = `${node}/${segments[i]}`;
    if (segments[i] === '*') {
      const list = parts.pop();
      parts.push(`${list ?? 'item'} #${numbers[n++] ?? ''}`);
      continue;
    }
    if (i === segments.length - 1) break;
    const entry = BY_PATTERN.get(node);
    // containers named in the title: the list fields of azure (to number their items)
    if (entry?.type === 'list') parts.push(entry.label);
  }
  const last = segments[segments.length - 1];
  const tail = last === '*' ? [] : [info.label];
  const head: string[] = [];
  if (info.section !== 'Installation' && info.section !== 'Versions' && !info.section.startsWith(info.label)) head.push(info.section);
  if (info.tab !== undefined && info.tab !== info.label) head.push(info.tab);
  const title = [...head, ...parts, ...tail];
  return title.length === 0 ? info.label : title.join(' > ');
}

/** Whether the field at a pointer holds a secret (Client Secret, Password). */
export function isSecretField(pointer: string): boolean {
  return fieldInfo(pointer)?.secret === true;
}
