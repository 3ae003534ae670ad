/**
 * The probe's last line of defence for secrets: every string it outputs (steps, lint's findings, errors,
 * progress lines) is scrubbed of what it handled that is secret: the Client Secrets it resolved or read,
 * every value of a secret field of the manifest, every access token it received (whole and each of its
 * parts), and the SASL response built from one. Any run of PIECE characters of one, in any letter case,
 * is replaced; a secret shorter than that only where it stands as a word. The text itself is built from
 * tmcheck's own words and from values that never hold a secret (host names, claims, GUIDs, codes).
 *
 * The same technique as @tmcheck/lint's Scrubber (packages/lint/src/secrets/scrub.ts), which the lint
 * package does not export; the probe's set of secrets is its own (it reads the environment, lint does not).
 */
import { escapeControls } from '@tmcheck/lint';

/** Any run of this many characters of a secret is removed (the length the secret tests search for). */
export const PIECE = 10;
/** A secret shorter than this is not scrubbed at all (it would cut words: "a", "on"). */
const MIN_SECRET = 3;

export const REDACTED = '[secret]';

/** Letter case folded one code unit for one, so that positions agree with the original text. */
function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    const lower = c.toLowerCase();
    out += lower.length === 1 ? lower : lower.charAt(0) || c;
  }
  return out;
}

const WORD = /[\p{L}\p{N}]/u;

export class Redactor {
  readonly #pieces = new Set<string>();
  readonly #short = new Set<string>();

  /** Adds a secret (and, for a token, each of its dot-separated parts, which are secrets too). */
  add(secret: string | undefined): void {
    if (secret === undefined) return;
    const s = fold(secret.trim());
    if (s.length >= PIECE) {
      for (let i = 0; i + PIECE <= s.length; i++) this.#pieces.add(s.slice(i, i + PIECE));
    } else if (s.length >= MIN_SECRET) this.#short.add(s);
  }

  /** The text with every run holding a piece of a secret replaced by [secret]. */
  scrub(text: string): string {
    if (text.length === 0 || (this.#pieces.size === 0 && this.#short.size === 0)) return text;
    const folded = fold(text);
    const marked = new Uint8Array(text.length);
    let any = false;
    if (this.#pieces.size > 0) {
      for (let i = 0; i + PIECE <= folded.length; i++) {
        if (!this.#pieces.has(folded.slice(i, i + PIECE))) continue;
        marked.fill(1, i, i + PIECE);
        any = true;
      }
    }
    for (const s of this.#short) {
      for (let i = folded.indexOf(s); i !== -1; i = folded.indexOf(s, i + 1)) {
        if (WORD.test(folded.charAt(i - 1)) || WORD.test(folded.charAt(i + s.length))) continue;
        marked.fill(1, i, i + s.length);
        any = true;
      }
    }
    if (!any) return text;
    let out = '';
    for (let i = 0; i < text.length; ) {
      if (marked[i] === 0) {
        out += text.charAt(i++);
        continue;
      }
      while (i < text.length && marked[i] === 1) i++;
      out += REDACTED;
    }
    return out;
  }

  /** A text from outside (a server's reply, an error): scrubbed, control characters escaped, cut to `max` characters. */
  quote(text: string, max = 200): string {
    const scrubbed = this.scrub(text);
    const cut = scrubbed.length > max ? `${scrubbed.slice(0, max - 3)}...` : scrubbed;
    return escapeControls(cut);
  }

  /** Every string inside a value (a report) scrubbed; other values as they are. */
  deep<T>(value: T): T {
    const walk = (v: unknown): unknown => {
      if (typeof v === 'string') return this.scrub(v);
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
}
