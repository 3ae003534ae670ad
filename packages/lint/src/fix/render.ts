/**
 * The text a value or a key is written as, by `yaml`'s own stringifier (which knows when a plain
 * scalar would read as another type, `"true"`, `"664"`, and when a character needs quotes), in the
 * quoting style the file used where the value allows it. JSON is written as JSON.
 */
import { Document, Pair, Scalar, YAMLMap, parseDocument } from 'yaml';

export type ScalarValue = string | number | boolean;

/** Where the text stands: a mapping's value in block or flow style, or a key. */
export type Place = 'block' | 'flow' | 'key';

/** A scalar node's quoting style, as `yaml` names it. */
export type Style = Scalar.Type;

/** `yaml`'s rendering of one pair in the given place; the part standing for the scalar is cut out. */
function stringifyIn(value: ScalarValue, style: Style, place: Place): string | undefined {
  const scalar = new Scalar(value);
  scalar.type = style;
  const map = new YAMLMap();
  if (place === 'key') map.items.push(new Pair(scalar, new Scalar(1)));
  else map.items.push(new Pair(new Scalar('k'), scalar));
  map.flow = place === 'flow';
  const doc = new Document();
  doc.contents = map;
  const text = doc.toString({ lineWidth: 0, minContentWidth: 0 });
  if (place === 'key') return text.endsWith(': 1\n') ? text.slice(0, -4) : undefined;
  if (place === 'flow') return text.startsWith('{ k: ') && text.endsWith(' }\n') ? text.slice(5, -3) : undefined;
  return text.startsWith('k: ') && text.endsWith('\n') ? text.slice(3, -1) : undefined;
}

/** Whether `text`, written in that place, reads back as exactly `value`. */
function readsBackAs(text: string, value: ScalarValue, place: Place): boolean {
  try {
    const source = place === 'key' ? `${text}: 1\n` : place === 'flow' ? `{ k: ${text} }\n` : `k: ${text}\n`;
    const doc = parseDocument(source, { schema: 'core', version: '1.2' });
    if (doc.errors.length > 0 || doc.warnings.length > 0) return false;
    const data = doc.toJS() as Record<string, unknown> | null;
    if (data === null || typeof data !== 'object') return false;
    return place === 'key' ? Object.keys(data).length === 1 && Object.hasOwn(data, String(value)) : data['k'] === value;
  } catch {
    return false;
  }
}

/**
 * The text for `value` in a YAML file: in `style` when the value allows it (a boolean or a number
 * is written plain; a block scalar becomes plain), on one line, and checked to read back as the
 * value. A JSON string is a valid double-quoted YAML scalar: the last resort.
 */
export function renderYaml(value: ScalarValue, style: Style | undefined, place: Place): string {
  if (typeof value !== 'string') return typeof value === 'number' && !Number.isFinite(value) ? JSON.stringify(String(value)) : String(value);
  const wanted: Style = style === 'QUOTE_DOUBLE' || style === 'QUOTE_SINGLE' ? style : 'PLAIN';
  for (const s of [wanted, 'QUOTE_DOUBLE'] as const) {
    const text = stringifyIn(value, s, place);
    if (text !== undefined && !/[\r\n]/.test(text) && readsBackAs(text, value, place)) return text;
  }
  return JSON.stringify(value);
}

/** The text for `value` in a JSON file. */
export function renderJson(value: ScalarValue): string {
  return JSON.stringify(value);
}
