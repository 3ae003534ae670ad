import { json } from './json.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

/** The formats `tmcheck lint --format` knows, by name. */
export const FORMATTERS: Readonly<Record<string, Formatter>> = { stylish, json };

export { json, stylish };
export { summaryLine } from './summary.js';
export { totals, type Formatter, type FormatterContext, type Totals } from './types.js';
