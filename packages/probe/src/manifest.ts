/**
 * The manifest as the probe reads it: lint's findings (createLinter, the settings that apply to the file),
 * and each document's data (lint's decoder and parser), with every secret the file holds collected for the
 * redactor. A document that does not load is no installation to probe; lint's findings say why.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { createLinter, decode, DEFAULT_LIMITS, describeFsError, parseDocuments, type DocumentResult } from '@tmcheck/lint';
import { ProbeSetupError } from './errors.js';
import { referenceForm } from './references.js';

export interface LoadedDocument {
  readonly index: number;
  readonly installation: string | null;
  /** Undefined when the document does not load. */
  readonly data: unknown;
}

export interface LoadedManifest {
  readonly lint: readonly DocumentResult[];
  readonly documents: readonly LoadedDocument[];
  /** Secret values written in the file (not references): for the redactor. */
  readonly secrets: readonly string[];
}

/** Keys whose value is a secret, lower case (the manifest's, and what people add by mistake). */
const SECRET_KEYS = new Set(['clientsecret', 'client_secret', 'password', 'passwd', 'pwd', 'pass', 'secret', 'secretvalue', 'accesstoken', 'access_token', 'token', 'apikey', 'api_key', 'credential', 'credentials']);

function addScalar(value: unknown, out: Set<string>): void {
  if (typeof value === 'string') {
    const v = value.trim();
    if (v !== '' && referenceForm(v) === undefined) out.add(v);
  } else if (typeof value === 'number' || typeof value === 'bigint') out.add(String(value));
}

/** The query values and user information of a URL: `?client_secret=...`, `https://user:pass@host`. */
function addUrlCredentials(text: string, out: Set<string>): void {
  if (text.length > 4096) return;
  const userinfo = /^[a-z][a-z0-9+.-]*:\/\/([^/?#@\s]*)@/i.exec(text);
  if (userinfo?.[1]) for (const part of userinfo[1].split(':')) addScalar(safeDecode(part), out);
  const q = text.indexOf('?');
  if (q === -1) return;
  for (const pair of text.slice(q + 1).split(/[&#;]/)) {
    const eq = pair.indexOf('=');
    addScalar(safeDecode(eq === -1 ? pair : pair.slice(eq + 1)), out);
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** Every scalar under a secret key (lists, mappings, numbers), every `value` of a list of secrets, URL credentials. */
export function collectSecrets(data: unknown, out: Set<string> = new Set()): Set<string> {
  const stack: Array<{ value: unknown; secret: boolean; inSecretList: boolean }> = [{ value: data, secret: false, inSecretList: false }];
  let budget = 200_000;
  while (stack.length > 0 && budget-- > 0) {
    const { value, secret, inSecretList } = stack.pop() as { value: unknown; secret: boolean; inSecretList: boolean };
    if (value === null || typeof value !== 'object') {
      if (secret) addScalar(value, out);
      else if (typeof value === 'string' && value.includes('://')) addUrlCredentials(value.trim(), out);
      continue;
    }
    if (Array.isArray(value)) {
      for (const item of value) stack.push({ value: item, secret, inSecretList });
      continue;
    }
    for (const [key, child] of Object.entries(value)) {
      const k = key.toLowerCase();
      stack.push({ value: child, secret: secret || SECRET_KEYS.has(k) || (inSecretList && k === 'value'), inSecretList: inSecretList || /secret/i.test(key) });
    }
  }
  return out;
}

/** Secrets read line by line from a document that does not load (`clientSecret: ...`, `- value: ...`). */
function collectSecretsFromText(text: string, out: Set<string>): void {
  const line = /^[ \t]*(?:-[ \t]+)?["']?([A-Za-z_]+)["']?[ \t]*:[ \t]*(.*)$/gm;
  for (let m = line.exec(text); m; m = line.exec(text)) {
    const key = (m[1] as string).toLowerCase();
    if (!SECRET_KEYS.has(key) && key !== 'value') continue;
    let value = (m[2] as string).trim();
    const quote = value.charAt(0);
    if (quote === '"' || quote === "'") {
      const end = value.indexOf(quote, 1);
      value = end === -1 ? value.slice(1) : value.slice(1, end);
    } else {
      const hash = value.search(/[ \t]#/);
      if (hash !== -1) value = value.slice(0, hash).trim();
    }
    addScalar(value, out);
  }
}

function installationName(data: unknown): string | null {
  const installation = (data as { installation?: { name?: unknown } } | null)?.installation;
  return typeof installation?.name === 'string' ? installation.name : null;
}

/** Reads and lints the manifest at `filePath` (relative to `cwd`). */
export function loadManifest(filePath: string, options: { readonly cwd: string; readonly now?: string }): LoadedManifest {
  const full = resolve(options.cwd, filePath);
  let bytes: Buffer;
  try {
    const stat = statSync(full);
    if (stat.isDirectory()) {
      throw new ProbeSetupError(`${filePath} is a folder: tmcheck probe takes one manifest file`, { problem: 'unreadable-manifest', received: filePath });
    }
    // a file over lint's limit is read only that far: lint reports it as too large
    bytes = readFileSync(full);
    if (bytes.length > DEFAULT_LIMITS.maxBytes) bytes = bytes.subarray(0, DEFAULT_LIMITS.maxBytes + 1);
  } catch (error) {
    if (error instanceof ProbeSetupError) throw error;
    throw new ProbeSetupError(`cannot read the manifest ${filePath}: ${describeFsError(error)}`, { problem: 'unreadable-manifest', received: filePath });
  }
  const json = /\.json$/i.test(filePath);
  const lint = createLinter({ cwd: options.cwd, ...(options.now !== undefined ? { now: options.now } : {}) }).lintBytes(bytes, { filePath, json });
  const secrets = new Set<string>();
  const documents: LoadedDocument[] = [];
  const decoded = bytes.length > DEFAULT_LIMITS.maxBytes ? undefined : decode(bytes);
  if (decoded?.ok) {
    for (const doc of parseDocuments(decoded.value.text, { json })) {
      if (doc.problem) {
        collectSecretsFromText(doc.text, secrets);
        documents.push({ index: doc.index, installation: null, data: undefined });
      } else {
        collectSecrets(doc.data, secrets);
        documents.push({ index: doc.index, installation: installationName(doc.data), data: doc.data });
      }
    }
  }
  return { lint, documents, secrets: [...secrets] };
}
