import { configSchema, manifestSchema } from '@tmcheck/schemas';
import { UsageError, closest } from '@tmcheck/lint/light';
import { EXIT, type ExitCode, type Io } from '../io.js';

const SCHEMAS = { manifest: manifestSchema, config: configSchema } as const;

/** `tmcheck schema [manifest|config]`: the JSON Schema, for editors. */
export function schemaCommand(name: string | undefined, io: Io): ExitCode {
  const key = name ?? 'manifest';
  if (key !== 'manifest' && key !== 'config') {
    const near = closest(key, Object.keys(SCHEMAS));
    throw new UsageError(`unknown schema "${key}": choose manifest or config${near.length > 0 ? ` (did you mean ${near[0]}?)` : ''}`);
  }
  io.stdout.write(JSON.stringify(SCHEMAS[key], null, 2) + '\n');
  return EXIT.ok;
}
