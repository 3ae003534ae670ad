/**
 * Saving the form: YAML with the schema comment on top, written atomically (a temporary file in the
 * same folder, renamed over the target). A new manifest is written from the form's values; an
 * existing one is edited in place through `yaml`'s Document API, so that its comments, its order and
 * every field the form does not ask for stay as they were.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fixText, splitPointer, writeFileAtomic, type Finding } from '@tmcheck/lint';
import { fieldInfo } from '@tmcheck/schemas';
import { Document, isMap, isScalar, isSeq, parseAllDocuments, type Node as YamlNode, type Pair, type Scalar } from 'yaml';

/** The manifest schema's `$id`, for a folder with no schema file nearby (docs/editors.md: write one with `tmcheck schema`). */
export const SCHEMA_ID = 'https://tmcheck.dev/schemas/manifest.schema.json';

const SCHEMA_COMMENT = /^#\s*yaml-language-server:\s*\$schema=/m;

/**
 * What the `# yaml-language-server: $schema=` comment of a manifest saved at `target` names: the
 * nearest manifest.schema.json (in the folder or above, or a clone's packages/schemas/schemas/),
 * relative to the manifest; else the schema's `$id`.
 */
export function schemaReference(target: string): string {
  let dir = dirname(resolve(target));
  for (;;) {
    for (const candidate of [join(dir, 'manifest.schema.json'), join(dir, 'packages', 'schemas', 'schemas', 'manifest.schema.json')]) {
      if (existsSync(candidate)) {
        const rel = relative(dirname(resolve(target)), candidate).split(sep).join('/');
        return rel.startsWith('.') ? rel : `./${rel}`;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return SCHEMA_ID;
    dir = parent;
  }
}

/** A file name for a new installation's manifest, from its name: `MV Nordic Star` -> `mv-nordic-star.yaml`. */
export function fileNameFor(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug === '' ? 'installation' : slug}.yaml`;
}

/** The comment above each section of a new manifest: where TM Master shows it. */
const SECTION_COMMENT: Readonly<Record<string, string>> = {
  mailSettings: ` ${fieldInfo('/mailSettings')?.dialog ?? 'System > Settings > Mail Settings'} tab`,
  exchange: ` ${fieldInfo('/exchange')?.dialog ?? 'System > TM Exchange Client > Settings'} tab`,
  azure: ` ${fieldInfo('/azure')?.dialog ?? 'portal.azure.com'}: the app registration and Exchange Online`,
};

/** A new manifest's text. */
export function newManifestText(manifest: Record<string, unknown>, schema: string): string {
  const doc = new Document(manifest);
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items as Pair<Scalar, YamlNode>[]) {
      const comment = SECTION_COMMENT[String(pair.key?.value ?? '')];
      if (comment && pair.key) pair.key.commentBefore = comment;
      // the API permissions and the mailbox permissions as one line each, as the guide's tables read
      if (String(pair.key?.value) === 'azure' && isMap(pair.value)) {
        for (const inner of pair.value.items as Pair<Scalar, YamlNode>[]) {
          if (isSeq(inner.value)) for (const item of inner.value.items) if (isMap(item)) item.flow = true;
          if (isMap(inner.value)) for (const deep of inner.value.items as Pair<Scalar, YamlNode>[]) if (isSeq(deep.value)) for (const item of deep.value.items) if (isMap(item)) item.flow = true;
        }
      }
    }
  }
  return `# yaml-language-server: $schema=${schema}\n${doc.toString({ lineWidth: 0 })}`;
}

/** One change the form makes to an existing manifest: a field set, or removed (`value` undefined). */
export interface Change {
  readonly pointer: string;
  readonly value: unknown;
}

function pathOf(pointer: string): (string | number)[] {
  return splitPointer(pointer).map((t) => (/^(?:0|[1-9]\d*)$/.test(t) ? Number(t) : t));
}

/**
 * An existing manifest's text with the changes made to its document number `document`: a scalar
 * that is there keeps its comment and gets the new value; a missing field is added; a field
 * emptied in the form is removed. The schema comment is added on top when the file has none.
 */
export function editManifestText(original: string, document: number, changes: readonly Change[], schema: string): string {
  const text = editedText(original, document, changes);
  return SCHEMA_COMMENT.test(text.split('\n').slice(0, 3).join('\n')) ? text : `# yaml-language-server: $schema=${schema}\n${text}`;
}

/**
 * Field values set or removed with the fix writer of `tmcheck lint --fix` (every other byte stays as it
 * was); where it has no place for one (a section the file lacks, a list), through yaml's Document API.
 */
function editedText(original: string, document: number, changes: readonly Change[]): string {
  if (changes.length === 0) return original;
  if (changes.every((c) => c.value === undefined || ['string', 'number', 'boolean'].includes(typeof c.value))) {
    const docs = parseAllDocuments(original, { version: '1.2', schema: 'core', merge: false });
    const real = (Array.isArray(docs) ? docs : [docs]).filter((d) => d.contents !== null);
    const start = real[document]?.contents?.range?.[0];
    if (start !== undefined) {
      const line = original.slice(0, start).split('\n').length;
      const messages: Finding[] = changes.map((c) => ({
        ruleId: 'tmcheck-ui/form',
        messageId: 'edit',
        severity: 'info',
        message: 'changed in the form',
        pointer: c.pointer,
        line,
        column: 1,
        endLine: line,
        endColumn: 1,
        fix: c.value === undefined ? { pointer: c.pointer, remove: true } : { pointer: c.pointer, value: c.value as string | number | boolean },
      }));
      const fixed = fixText(original, [{ filePath: '', document, installation: null, messages, errorCount: 0, warningCount: 0, infoCount: messages.length, fixableCount: messages.length }]);
      if (fixed.refused.length === 0 && fixed.applied.length === changes.length) return fixed.text;
    }
  }
  return documentEdit(original, document, changes);
}

function documentEdit(original: string, document: number, changes: readonly Change[]): string {
  const docs = parseAllDocuments(original, { keepSourceTokens: false, version: '1.2', schema: 'core', merge: false });
  const list = Array.isArray(docs) ? docs : [docs];
  // documents as the linter numbers them: one holding only comments is none
  const real = list.filter((d) => d.contents !== null);
  const doc = real[document];
  if (!doc) throw new Error(`the file no longer has installation #${document}: read it again`);
  if (doc.errors.length > 0) throw new Error(`the file does not read as YAML any more (${doc.errors[0]?.message ?? 'a YAML error'}): fix it by hand`);
  for (const c of changes) {
    const path = pathOf(c.pointer);
    if (c.value === undefined) {
      if (doc.hasIn(path)) doc.deleteIn(path);
      continue;
    }
    const node = doc.getIn(path, true);
    if (isScalar(node) && (typeof c.value !== 'object' || c.value === null)) {
      node.value = c.value;
      // a quoted style stays only where the new value is text
      if (typeof c.value !== 'string') node.type = 'PLAIN';
    } else {
      doc.setIn(path, doc.createNode(c.value));
    }
  }
  return list.map((d) => d.toString({ lineWidth: 0 })).join('');
}

/**
 * Writes a file so that no reader ever sees half of it: a new file through a temporary file in the
 * same folder and a rename; an existing one with the fix writer's writeFileAtomic, which also
 * refuses when the file changed since it was read (`expected`).
 */
export function saveFile(path: string, text: string, expected?: Uint8Array): void {
  const bytes = Buffer.from(text, 'utf8');
  if (expected !== undefined && existsSync(path)) {
    writeFileAtomic(path, bytes, { expected });
    return;
  }
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  try {
    writeFileSync(temp, bytes, { flag: 'wx', mode: 0o644 });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** The bytes of a file, or undefined when there is none. */
export function readIfThere(path: string): Uint8Array | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}
