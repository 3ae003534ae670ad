/**
 * A POP3 client that can only do what the probe needs, over implicit TLS: read the greeting, CAPA,
 * AUTH XOAUTH2 in the two-line form, STAT and QUIT. There is no way to send RETR, DELE, TOP or UIDL:
 * TM Exchange's replication mail stays where it is. TLS is always verified (--ca-file adds a CA). Every
 * read is bounded: a line longer than `maxLine`, more than `maxBytes` in all, or no answer within the
 * time limit ends the session with a Pop3Error, never a hang.
 */
import { isIP } from 'node:net';
import { connect, type TLSSocket } from 'node:tls';
import { trustedCas } from '../net/http.js';

/** The commands the probe may send; nothing else can be written to the server. */
export type Pop3Command = 'CAPA' | 'AUTH XOAUTH2' | 'STAT' | 'QUIT';

/** The same list at run time: a command built any other way is refused before it is written. */
const ALLOWED: ReadonlySet<string> = new Set<Pop3Command>(['CAPA', 'AUTH XOAUTH2', 'STAT', 'QUIT']);

export type Pop3ErrorKind = 'timeout' | 'too-long' | 'too-much' | 'closed' | 'network';

export class Pop3Error extends Error {
  override readonly name = 'Pop3Error';
  constructor(
    readonly kind: Pop3ErrorKind,
    message: string,
    readonly error?: unknown,
  ) {
    super(message);
  }
}

export interface Pop3Options {
  readonly host: string;
  readonly port: number;
  readonly timeoutMs: number;
  readonly caPem?: string;
  /** Longest line accepted, in bytes (default 8 KB; RFC 1939 allows 512). */
  readonly maxLine?: number;
  /** Most bytes read in a session (default 256 KB). */
  readonly maxBytes?: number;
}

export interface TlsFacts {
  readonly protocol: string;
  readonly cipher: string;
  /** The certificate's subject and issuer common names. */
  readonly subject?: string;
  readonly issuer?: string;
}

export class Pop3Connection {
  /** What was sent, in order; a SASL response is recorded as `<XOAUTH2 response>`, never its content. */
  readonly sent: string[] = [];
  readonly #socket: TLSSocket;
  readonly #timeoutMs: number;
  readonly #maxLine: number;
  readonly #maxBytes: number;
  #buffer: Buffer = Buffer.alloc(0);
  #received = 0;
  #failure: Pop3Error | undefined;
  #closed = false;
  #waiter: { resolve: (line: string) => void; reject: (error: Pop3Error) => void; timer: NodeJS.Timeout } | undefined;

  private constructor(socket: TLSSocket, options: Pop3Options) {
    this.#socket = socket;
    this.#timeoutMs = options.timeoutMs;
    this.#maxLine = options.maxLine ?? 8 * 1024;
    this.#maxBytes = options.maxBytes ?? 256 * 1024;
    socket.on('data', (chunk: Buffer) => this.#onData(chunk));
    socket.on('end', () => this.#onClose());
    socket.on('close', () => this.#onClose());
    socket.on('error', (error) => this.#fail(new Pop3Error('network', 'the connection failed', error)));
  }

  /** Connects with TLS and completes the handshake (certificate verified), within the time limit. */
  static open(options: Pop3Options): Promise<Pop3Connection> {
    return new Promise((resolve, reject) => {
      const ca = trustedCas(options.caPem);
      const socket = connect({
        host: options.host,
        port: options.port,
        // SNI takes a host name, never an address
        ...(isIP(options.host) === 0 ? { servername: options.host } : {}),
        rejectUnauthorized: true,
        minVersion: 'TLSv1.2',
        ...(ca ? { ca } : {}),
      });
      let settled = false;
      const timer = setTimeout(() => {
        if (settled) return;
        settled = true;
        socket.destroy();
        reject(new Pop3Error('timeout', 'no TLS connection within the time limit', Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
      }, options.timeoutMs);
      socket.once('secureConnect', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(new Pop3Connection(socket, options));
      });
      socket.once('error', (error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.destroy();
        reject(new Pop3Error('network', 'the TLS connection failed', error));
      });
    });
  }

  tls(): TlsFacts {
    const cert = this.#socket.getPeerCertificate();
    const name = (x: unknown): string | undefined => {
      const cn = (x as { CN?: unknown } | undefined)?.CN;
      return typeof cn === 'string' ? cn : Array.isArray(cn) ? String(cn[0]) : undefined;
    };
    const subject = name(cert?.subject);
    const issuer = name(cert?.issuer);
    return {
      protocol: this.#socket.getProtocol() ?? 'TLS',
      cipher: this.#socket.getCipher()?.name ?? '',
      ...(subject !== undefined ? { subject } : {}),
      ...(issuer !== undefined ? { issuer } : {}),
    };
  }

  #onData(chunk: Buffer): void {
    if (this.#failure) return;
    this.#received += chunk.length;
    if (this.#received > this.#maxBytes) {
      this.#fail(new Pop3Error('too-much', `the server sent more than ${Math.round(this.#maxBytes / 1024)} KB`));
      return;
    }
    this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
    this.#deliver();
  }

  #onClose(): void {
    this.#closed = true;
    if (this.#waiter && this.#buffer.indexOf(0x0a) === -1) this.#fail(new Pop3Error('closed', 'the server closed the connection'));
  }

  #fail(error: Pop3Error): void {
    if (!this.#failure) this.#failure = error;
    this.#socket.destroy();
    const waiter = this.#waiter;
    if (waiter) {
      this.#waiter = undefined;
      clearTimeout(waiter.timer);
      waiter.reject(this.#failure);
    }
  }

  /** Hands a complete line to the reader waiting for one; fails on a line over the limit. */
  #deliver(): void {
    const newline = this.#buffer.indexOf(0x0a);
    if (newline === -1) {
      if (this.#buffer.length > this.#maxLine) this.#fail(new Pop3Error('too-long', `the server sent a line longer than ${Math.round(this.#maxLine / 1024)} KB`));
      return;
    }
    if (newline > this.#maxLine) {
      this.#fail(new Pop3Error('too-long', `the server sent a line longer than ${Math.round(this.#maxLine / 1024)} KB`));
      return;
    }
    const waiter = this.#waiter;
    if (!waiter) return;
    this.#waiter = undefined;
    clearTimeout(waiter.timer);
    const line = this.#buffer.subarray(0, newline).toString('utf8').replace(/\r$/, '');
    this.#buffer = this.#buffer.subarray(newline + 1);
    waiter.resolve(line);
  }

  /** The next line from the server, within the time limit. */
  readLine(): Promise<string> {
    return this.#readLine(this.#timeoutMs, `no answer within ${Math.round(this.#timeoutMs / 1000)} s`);
  }

  #readLine(ms: number, late: string): Promise<string> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#waiter) return Promise.reject(new Pop3Error('network', 'a read is already waiting'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.#fail(new Pop3Error('timeout', late)), Math.max(0, ms));
      this.#waiter = { resolve, reject, timer };
      this.#deliver();
      if (this.#waiter && this.#closed) this.#fail(new Pop3Error('closed', 'the server closed the connection'));
    });
  }

  /**
   * The lines of a multi-line answer up to the "." that ends it (dot-stuffing undone), at most `maxLines`,
   * all within one time limit: a server that sends a line now and then, each in time, cannot hold the
   * session open for `maxLines` time limits.
   */
  async readMultiline(maxLines = 200): Promise<string[]> {
    const lines: string[] = [];
    const deadline = performance.now() + this.#timeoutMs;
    const late = `the answer did not end within ${Math.round(this.#timeoutMs / 1000)} s`;
    for (;;) {
      const left = deadline - performance.now();
      if (left <= 0) {
        this.#fail(new Pop3Error('timeout', late));
        throw this.#failure;
      }
      const line = await this.#readLine(left, late);
      if (line === '.') return lines;
      if (lines.length >= maxLines) {
        this.#fail(new Pop3Error('too-much', `the server sent more than ${maxLines} lines`));
        throw this.#failure;
      }
      lines.push(line.startsWith('..') ? line.slice(1) : line);
    }
  }

  #write(text: string): void {
    if (this.#failure) throw this.#failure;
    this.#socket.write(`${text}\r\n`);
  }

  /** Sends one of the allowed commands and reads the first line of the answer. */
  async command(command: Pop3Command): Promise<string> {
    if (!ALLOWED.has(command)) throw new TypeError(`the probe never sends ${JSON.stringify(String(command).slice(0, 20))} to a POP3 server`);
    this.sent.push(command);
    this.#write(command);
    return this.readLine();
  }

  /** Sends the base64 SASL response (or an empty line, the answer to a failure challenge) and reads the reply. */
  async saslResponse(base64: string): Promise<string> {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new Pop3Error('network', 'a SASL response is base64');
    this.sent.push(base64 === '' ? '<empty line>' : '<XOAUTH2 response>');
    this.#write(base64);
    return this.readLine();
  }

  /** Closes the connection (after QUIT, or at once). */
  close(): void {
    if (this.#waiter) {
      clearTimeout(this.#waiter.timer);
      this.#waiter = undefined;
    }
    this.#socket.end();
    // a server that does not close its side within a moment is cut off
    setTimeout(() => this.#socket.destroy(), 2000).unref();
  }
}

/** The XOAUTH2 initial response: base64("user=" + mailbox + "\x01auth=Bearer " + token + "\x01\x01"). */
export function xoauth2(user: string, token: string): string {
  return Buffer.from(`user=${user}\u0001auth=Bearer ${token}\u0001\u0001`, 'utf8').toString('base64');
}
