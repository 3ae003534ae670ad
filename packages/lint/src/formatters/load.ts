/**
 * The formats by name, loaded when asked for: SARIF (which quotes fix values as YAML does) and JUnit
 * (an XML builder) are large, and a run that prints stylish or JSON should not parse them at start.
 */
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

/** Every format `tmcheck lint --format` knows, in the order the help lists them. */
export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'junit', 'markdown', 'github', 'gitlab'] as const;

export type FormatName = (typeof FORMAT_NAMES)[number];

const LOADERS: Readonly<Record<FormatName, () => Promise<Formatter>>> = {
  stylish: async () => stylish,
  json: async () => json,
  markdown: async () => markdown,
  github: async () => github,
  gitlab: async () => gitlab,
  sarif: async () => (await import('./sarif.js')).sarif,
  junit: async () => (await import('./junit.js')).junit,
};

export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}

/** The formatter of a format, loaded; undefined for a name that is no format. */
export async function loadFormatter(name: string): Promise<Formatter | undefined> {
  return isFormatName(name) ? LOADERS[name]() : undefined;
}
