/**
 * The manifest as the probe reads it: through lint (createLinter's inspectFile, with the settings that apply to
 * the file), which gives each document's findings, typed view, mail sections and the secrets it holds. What is
 * the probe's own here: its words for a manifest it cannot read, and which documents count as loaded.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { createLinter, describeFsError, PathError, type InspectedDocument } from '@tmcheck/lint';
import { ProbeSetupError } from './errors.js';

/**
 * Whether a document loaded: it parsed (no `parse` finding) and is not an empty file. A document that is no
 * mapping loads, with nothing to probe in it (lint's `schema` rule says it is not a manifest).
 */
export function loaded(document: InspectedDocument): boolean {
  if (document.view !== undefined) return true;
  return !document.result.messages.some((m) => m.ruleId === 'parse' || (m.ruleId === 'schema' && m.messageId === 'noManifest'));
}

/** Reads and lints the manifest at `filePath` (relative to `cwd`): one entry per document. */
export function loadManifest(filePath: string, options: { readonly cwd: string; readonly now?: string }): readonly InspectedDocument[] {
  let folder = false;
  let special = false;
  try {
    const stat = statSync(resolve(options.cwd, filePath));
    folder = stat.isDirectory();
    // a FIFO with no writer would block the read for ever; a device may never end
    special = !folder && !stat.isFile();
  } catch {
    // inspectFile says why it cannot be read
  }
  if (folder) throw new ProbeSetupError(`${filePath} is a folder: tmcheck probe takes one manifest file`, { problem: 'unreadable-manifest', received: filePath });
  if (special) {
    throw new ProbeSetupError(`${filePath} is not a file (a FIFO, a device or a socket): tmcheck probe takes one manifest file`, { problem: 'unreadable-manifest', received: filePath });
  }
  const linter = createLinter({ cwd: options.cwd, ...(options.now !== undefined ? { now: options.now } : {}) });
  try {
    return linter.inspectFile(filePath);
  } catch (error) {
    if (!(error instanceof PathError)) throw error;
    const why = error.facts.code !== undefined ? describeFsError(error.facts) : error.message;
    throw new ProbeSetupError(`cannot read the manifest ${filePath}: ${why}`, { problem: 'unreadable-manifest', received: filePath });
  }
}
