/**
 * A scripted POP3-over-TLS server for the client's unit tests: it answers as Exchange Online does (a direct
 * -ERR to a refused token, no failure challenge), or misbehaves (no greeting, an endless line), and records
 * every line the client sent.
 */
import type { AddressInfo, Socket } from 'node:net';
import { createServer, type Server } from 'node:tls';
import type { ServerCertificate } from './ca.js';

export interface FakePop3Script {
  /** The greeting; `null` sends none (a server that never answers). */
  readonly greeting?: string | null;
  /** After the greeting, send this many bytes without a line end (an endless line). */
  readonly endlessLine?: number;
  /** After this command, `+OK` and then a line every `intervalMs`, never the "." that ends the answer (a server that drips). */
  readonly drip?: { readonly command: string; readonly intervalMs: number };
  /** The answer to a line the client sent (without its CRLF): lines to send back, joined with CRLF. */
  readonly answer?: (line: string, state: { readonly authenticating: boolean }) => readonly string[] | undefined;
}

export const EXCHANGE_REFUSAL = '-ERR Authentication failure: unknown user name or bad password.';

/** Exchange Online's answers (shared/reference/microsoft-365.md): the token accepted when `accept` says so. */
export function exchangeOnline(accept: (base64: string) => boolean): FakePop3Script {
  return {
    greeting: '+OK The Microsoft Exchange POP3 service is ready. [QwBIADIAUABSADAAMQBDAEEAMAAwADAANQAuAG4AYQBtAHAAcgBkADAAMQAuAHAAcgBvAGQALgBvAHUAdABsAG8AbwBrAC4AYwBvAG0A]',
    answer: (line, state) => {
      if (state.authenticating) return [accept(line) ? '+OK User successfully authenticated.' : EXCHANGE_REFUSAL];
      const command = line.toUpperCase();
      if (command === 'CAPA') return ['+OK', 'TOP', 'UIDL', 'SASL PLAIN XOAUTH2', 'USER', '.'];
      if (command === 'AUTH XOAUTH2') return ['+ '];
      if (command === 'STAT') return ['+OK 2 4096'];
      if (command === 'QUIT') return ['+OK Microsoft Exchange Server POP3 server signing off.'];
      return ['-ERR Protocol error.'];
    },
  };
}

export class FakePop3 {
  /** Every line each client sent, in order. */
  readonly received: string[] = [];
  readonly #sockets = new Set<Socket>();

  private constructor(private readonly server: Server) {}

  static async start(certificate: ServerCertificate, script: FakePop3Script): Promise<FakePop3> {
    let self: FakePop3 | undefined;
    const server = createServer({ cert: certificate.cert, key: certificate.key }, (socket) => {
      const fake = self as FakePop3;
      fake.#sockets.add(socket);
      socket.on('close', () => fake.#sockets.delete(socket));
      socket.on('error', () => {});
      const send = (lines: readonly string[]): void => {
        if (!socket.destroyed) socket.write(lines.map((l) => `${l}\r\n`).join(''));
      };
      if (script.greeting !== null) send([script.greeting ?? '+OK ready']);
      if (script.endlessLine !== undefined) {
        const chunk = Buffer.alloc(4096, 0x41);
        let left = script.endlessLine;
        const pump = (): void => {
          while (left > 0 && !socket.destroyed) {
            left -= chunk.length;
            if (!socket.write(chunk)) {
              socket.once('drain', pump);
              return;
            }
          }
        };
        pump();
      }
      let buffer = '';
      let authenticating = false;
      socket.on('data', (data: Buffer) => {
        buffer += data.toString('utf8');
        for (let i = buffer.indexOf('\r\n'); i !== -1; i = buffer.indexOf('\r\n')) {
          const line = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          fake.received.push(line);
          if (script.drip && line.toUpperCase() === script.drip.command) {
            send(['+OK']);
            let n = 0;
            const timer = setInterval(() => send([`X-DRIP ${n++}`]), script.drip.intervalMs);
            socket.on('close', () => clearInterval(timer));
            continue;
          }
          const answer = script.answer?.(line, { authenticating });
          if (answer) send(answer);
          if (authenticating) authenticating = false;
          else if (line.toUpperCase() === 'AUTH XOAUTH2' && answer?.[0]?.startsWith('+ ')) authenticating = true;
          if (line.toUpperCase() === 'QUIT') socket.end();
        }
      });
    });
    server.on('tlsClientError', () => {});
    self = new FakePop3(server);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return self;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
