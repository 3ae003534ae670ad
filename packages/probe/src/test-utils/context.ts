import { Scrubber } from '@tmcheck/lint';
import type { RunContext } from '../context.js';
import { createHttpClient } from '../net/http.js';
import type { AzureFacts } from '../sections.js';

/** A run context for testing one step on its own. */
export function testContext(options: { readonly caPem?: string; readonly timeoutSeconds?: number; readonly azure?: Partial<AzureFacts> } = {}): RunContext & { readonly lines: string[] } {
  const timeoutSeconds = options.timeoutSeconds ?? 10;
  const lines: string[] = [];
  return {
    http: createHttpClient({ timeoutMs: timeoutSeconds * 1000, ...(options.caPem !== undefined ? { caPem: options.caPem } : {}) }),
    scrubber: new Scrubber(),
    timeoutMs: timeoutSeconds * 1000,
    timeoutSeconds,
    ...(options.caPem !== undefined ? { caPem: options.caPem } : {}),
    azure: { secretIds: [], ...options.azure },
    env: {},
    now: Date.now,
    progress: (text) => lines.push(text),
    lines,
  };
}
