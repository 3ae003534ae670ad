import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

/** The formats `tmcheck lint --format` knows, by name. */
export const FORMATTERS: Readonly<Record<string, Formatter>> = { stylish, json, sarif, junit, markdown, github, gitlab };

export { github, gitlab, json, junit, markdown, sarif, stylish };
export { summaryLine } from './summary.js';
export { RULE_DOCS_BASE, totals, type Formatter, type FormatterContext, type Totals } from './types.js';
