/** Loaded YAML/JSON data before it is typed: rules read the typed view (view.ts), never this. */

export type Obj = Readonly<Record<string, unknown>>;

export function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Removes properties whose value is null (a YAML key with nothing after it): they count as not filled in.
 * Iterative, so that no nesting can overflow the stack.
 */
export function dropNulls(value: unknown): unknown {
  const stack: unknown[] = [value];
  let budget = 1_000_000;
  while (stack.length > 0 && budget-- > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (record[key] === null) delete record[key];
      else stack.push(record[key]);
    }
  }
  return value;
}
