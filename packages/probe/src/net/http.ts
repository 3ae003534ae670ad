/**
 * HTTPS for the probe: Node's fetch implementation (undici) with a dispatcher of its own, so that
 * - the certificate is always verified (`rejectUnauthorized: true` is set, so NODE_TLS_REJECT_UNAUTHORIZED=0,
 *   which Node's global fetch obeys, cannot turn it off), and --ca-file adds a CA to the system's;
 * - every request has a time limit (connect, headers, body, and the whole request), and a bounded read:
 *   an answer larger than `maxBytes` is cut and said to be too large, never read to its end;
 * - no redirect is followed: the probe talks to the address the manifest gives, and to nothing else.
 */
import { rootCertificates } from 'node:tls';
import { Agent, fetch } from 'undici';

export interface HttpAnswer {
  readonly status: number;
  readonly contentType: string;
  /** The body as text (UTF-8), up to the limit. */
  readonly text: string;
  /** The body was larger than the limit: `text` is its beginning. */
  readonly truncated: boolean;
  /** A redirect's target, as sent (for the host only: it may carry a query string). */
  readonly location?: string;
}

export interface HttpClient {
  request(url: string, init: { readonly method: 'POST'; readonly headers: Readonly<Record<string, string>>; readonly body: string }): Promise<HttpAnswer>;
  close(): Promise<void>;
}

/** The CAs to trust: the system's (Node's bundled list) and the ones of --ca-file; undefined for Node's defaults. */
export function trustedCas(caPem: string | undefined): string[] | undefined {
  return caPem === undefined ? undefined : [...rootCertificates, caPem];
}

export function createHttpClient(options: { readonly timeoutMs: number; readonly caPem?: string; readonly maxBytes?: number }): HttpClient {
  const maxBytes = options.maxBytes ?? 64 * 1024;
  const ca = trustedCas(options.caPem);
  const agent = new Agent({
    connect: { rejectUnauthorized: true, timeout: options.timeoutMs, ...(ca ? { ca } : {}) },
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    keepAliveTimeout: 1000,
  });
  return {
    async request(url, init) {
      const response = await fetch(url, {
        method: init.method,
        headers: init.headers,
        body: init.body,
        redirect: 'manual',
        dispatcher: agent,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const chunks: Uint8Array[] = [];
      let size = 0;
      let truncated = false;
      if (response.body) {
        const reader = response.body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          const room = maxBytes - size;
          if (value.length > room) {
            chunks.push(value.subarray(0, room));
            size = maxBytes;
            truncated = true;
            await reader.cancel().catch(() => {});
            break;
          }
          chunks.push(value);
          size += value.length;
        }
      }
      const location = response.headers.get('location');
      return {
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        text: Buffer.concat(chunks).toString('utf8'),
        truncated,
        ...(location !== null ? { location } : {}),
      };
    },
    async close() {
      await agent.destroy().catch(() => {});
    },
  };
}
