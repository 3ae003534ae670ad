/**
 * The probe's last line of defence for secrets: every string it outputs (steps, lint's findings, errors,
 * progress lines) goes through lint's Scrubber, which holds what the probe handled that is secret: every secret
 * the manifest holds (lint collects them), and what the probe learns as it goes (add): the Client Secrets it
 * resolved from the environment, every access token it received (whole and each of its parts), the SASL
 * response built from one. The text itself is built from tmcheck's own words and from values that never hold
 * a secret (host names, claims, GUIDs, codes). What is the probe's own here: quoting a server's words, and
 * scrubbing a whole report.
 */
import { escapeControls, type Scrubber } from '@tmcheck/lint';

/** A text from outside (a server's reply, an error): scrubbed, control characters escaped, cut to `max` characters. */
export function quote(scrubber: Scrubber, text: string, max = 200): string {
  const scrubbed = scrubber.scrub(text);
  const cut = scrubbed.length > max ? `${scrubbed.slice(0, max - 3)}...` : scrubbed;
  return escapeControls(cut);
}

/** Every string inside a value (a report) scrubbed; other values as they are. */
export function scrubDeep<T>(scrubber: Scrubber, value: T): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return scrubber.scrub(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, child] of Object.entries(v)) out[k] = walk(child);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}
