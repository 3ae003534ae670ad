/**
 * Network and TLS failures in tmcheck's words. The text of a library's error is never passed on (it may
 * quote a URL with its query string); only its code, and what it means for the customer.
 */

export type NetProblemKind = 'timeout' | 'dns' | 'refused' | 'unreachable' | 'reset' | 'tls-untrusted' | 'tls-name' | 'tls-expired' | 'tls' | 'other';

export interface NetProblem {
  readonly kind: NetProblemKind;
  /** The error code (ENOTFOUND, UNABLE_TO_VERIFY_LEAF_SIGNATURE, ...), when there is one. */
  readonly code?: string;
  /** What happened, in words. */
  readonly words: string;
}

const UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_REVOKED',
  'INVALID_CA',
]);

function codeOf(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e !== null && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '' && code !== 'UND_ERR_SOCKET') return code;
    const name = (e as { name?: unknown }).name;
    if (name === 'TimeoutError') return 'TIMEOUT';
    if (name === 'AbortError') return 'ABORTED';
  }
  // undici's socket error carries the real one as its cause, looked at above; else the socket error itself
  for (let e: unknown = error, depth = 0; e !== null && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
  }
  return undefined;
}

/** A network or TLS error described; `what` names the other end ("the token endpoint 127.0.0.1:443"). */
export function describeNetError(error: unknown, what: string, timeoutSeconds: number): NetProblem {
  const code = codeOf(error);
  const c = code ?? '';
  if (c === 'TIMEOUT' || c === 'ABORTED' || c === 'ETIMEDOUT' || (c.startsWith('UND_ERR_') && c.includes('TIMEOUT'))) {
    return { kind: 'timeout', code, words: `${what} did not answer within ${timeoutSeconds} s (a firewall that drops the connection, or a server that is down)` };
  }
  if (c === 'ENOTFOUND' || c === 'EAI_AGAIN' || c === 'EAI_FAIL' || c === 'EAI_NONAME') {
    return { kind: 'dns', code, words: `the name of ${what} cannot be resolved (${c}): a typing mistake, or no DNS from this computer` };
  }
  if (c === 'ECONNREFUSED') return { kind: 'refused', code, words: `${what} refused the connection (ECONNREFUSED): nothing listens on that port` };
  if (c === 'ENETUNREACH' || c === 'EHOSTUNREACH' || c === 'ENETDOWN' || c === 'EHOSTDOWN') {
    return { kind: 'unreachable', code, words: `${what} cannot be reached from this computer (${c}): no route, or a firewall` };
  }
  if (c === 'ECONNRESET' || c === 'EPIPE' || c === 'UND_ERR_SOCKET' || c === 'UND_ERR_CLOSED') {
    return { kind: 'reset', code, words: `${what} closed the connection (${c}): a firewall or proxy that cuts TLS, or a server of another kind` };
  }
  if (UNTRUSTED.has(c)) {
    return { kind: 'tls-untrusted', code, words: `the certificate of ${what} is not signed by a CA this computer trusts (${c}): a TLS-inspecting proxy, or a test server (give its CA with --ca-file)` };
  }
  if (c === 'ERR_TLS_CERT_ALTNAME_INVALID' || c === 'HOSTNAME_MISMATCH') {
    return { kind: 'tls-name', code, words: `the certificate of ${what} is for another name (${c}): the host name is not the server's` };
  }
  if (c === 'CERT_HAS_EXPIRED' || c === 'CERT_NOT_YET_VALID') {
    return { kind: 'tls-expired', code, words: `the certificate of ${what} is ${c === 'CERT_HAS_EXPIRED' ? 'expired' : 'not valid yet'} (${c}), or this computer's clock is wrong` };
  }
  if (c.startsWith('ERR_SSL') || c.startsWith('ERR_TLS') || c === 'EPROTO') {
    return { kind: 'tls', code, words: `the TLS handshake with ${what} failed (${c}): the port may not speak TLS, or no common protocol version` };
  }
  return { kind: 'other', ...(code ? { code } : {}), words: `the connection to ${what} failed${code ? ` (${code})` : ''}` };
}
