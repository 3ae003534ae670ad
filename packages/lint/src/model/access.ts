/** Safe reads from a loaded manifest: a field of the wrong type reads as absent (the schema reports it). */

export type Obj = Readonly<Record<string, unknown>>;

export function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function obj(parent: unknown, key: string): Obj | undefined {
  if (!isObj(parent)) return undefined;
  const v = parent[key];
  return isObj(v) ? v : undefined;
}

export function str(parent: unknown, key: string): string | undefined {
  if (!isObj(parent)) return undefined;
  const v = parent[key];
  return typeof v === 'string' ? v : undefined;
}

export function num(parent: unknown, key: string): number | undefined {
  if (!isObj(parent)) return undefined;
  const v = parent[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function bool(parent: unknown, key: string): boolean | undefined {
  if (!isObj(parent)) return undefined;
  const v = parent[key];
  return typeof v === 'boolean' ? v : undefined;
}

export function arr(parent: unknown, key: string): readonly unknown[] | undefined {
  if (!isObj(parent)) return undefined;
  const v = parent[key];
  return Array.isArray(v) ? v : undefined;
}

/** The field is written (with any value but null). */
export function present(parent: unknown, key: string): boolean {
  return isObj(parent) && Object.prototype.hasOwnProperty.call(parent, key) && parent[key] !== null;
}

/** A string field that is missing, or blank. */
export function blank(parent: unknown, key: string): boolean {
  if (!present(parent, key)) return true;
  const v = str(parent, key);
  return v !== undefined && v.trim() === '';
}

/** Removes properties whose value is null (a YAML key with nothing after it): they count as not filled in. */
export function dropNulls(value: unknown, depth = 0): unknown {
  if (depth > 64 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (const item of value) dropNulls(item, depth + 1);
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (record[key] === null) delete record[key];
    else dropNulls(record[key], depth + 1);
  }
  return value;
}
