import type { Scrubber } from '@tmcheck/lint';
import type { HttpClient } from './net/http.js';
import type { AzureFacts } from './sections.js';

/** What every step of a run shares. */
export interface RunContext {
  readonly http: HttpClient;
  /** lint's Scrubber: the manifest's secrets, and what the run learns (add). */
  readonly scrubber: Scrubber;
  readonly timeoutMs: number;
  readonly timeoutSeconds: number;
  readonly caPem?: string;
  readonly azure: AzureFacts;
  readonly env: Readonly<Record<string, string | undefined>>;
  now(): number;
  /** Says, on a terminal, which step runs now. */
  progress(text: string): void;
}

/** Milliseconds since `start`. */
export function since(start: number): number {
  return Math.max(0, Math.round(performance.now() - start));
}
