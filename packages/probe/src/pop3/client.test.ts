/**
 * The POP3 client against scripted servers: every read is bounded (a server that never answers, or sends an
 * endless line, ends the session with an error in bounded time), the certificate is always verified, and the
 * client has no way to send anything but CAPA, AUTH XOAUTH2, its response, STAT and QUIT.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestCa, type TestCa } from '../testing/ca.js';
import { exchangeOnline, FakePop3 } from '../testing/fake-pop3.js';
import { Pop3Connection, Pop3Error, xoauth2 } from './client.js';

let ca: TestCa;
beforeAll(() => {
  ca = makeTestCa();
});
afterAll(() => ca.remove());

async function withServer<T>(script: Parameters<typeof FakePop3.start>[1], run: (server: FakePop3) => Promise<T>, certificate = ca.server): Promise<T> {
  const server = await FakePop3.start(certificate, script);
  try {
    return await run(server);
  } finally {
    await server.stop();
  }
}

async function failure(promise: Promise<unknown>): Promise<Pop3Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Pop3Error) return error;
    throw error;
  }
  throw new Error('expected a Pop3Error');
}

describe('Pop3Connection', () => {
  it('reads the greeting, CAPA and signs in with the two-line XOAUTH2 form', async () => {
    await withServer(exchangeOnline((b) => Buffer.from(b, 'base64').toString().includes('auth=Bearer good')), async (server) => {
      const conn = await Pop3Connection.open({ host: '127.0.0.1', port: server.port, timeoutMs: 10_000, caPem: ca.caPem });
      expect(await conn.readLine()).toMatch(/^\+OK The Microsoft Exchange POP3 service is ready/);
      expect(await conn.command('CAPA')).toBe('+OK');
      expect(await conn.readMultiline()).toContain('SASL PLAIN XOAUTH2');
      expect(await conn.command('AUTH XOAUTH2')).toBe('+ ');
      expect(await conn.saslResponse(xoauth2('replication@example.com', 'good'))).toBe('+OK User successfully authenticated.');
      expect(await conn.command('STAT')).toBe('+OK 2 4096');
      expect(await conn.command('QUIT')).toMatch(/^\+OK/);
      conn.close();
      expect(server.received[0]).toBe('CAPA');
      expect(server.received[1]).toBe('AUTH XOAUTH2');
      expect(Buffer.from(server.received[2] as string, 'base64').toString()).toBe('user=replication@example.com\u0001auth=Bearer good\u0001\u0001');
      expect(server.received.slice(3)).toEqual(['STAT', 'QUIT']);
    });
  });

  it('ends a session whose server never answers, within the time limit', async () => {
    await withServer({ greeting: null }, async (server) => {
      const conn = await Pop3Connection.open({ host: '127.0.0.1', port: server.port, timeoutMs: 500, caPem: ca.caPem });
      const error = await failure(conn.readLine());
      expect(error.kind).toBe('timeout');
    });
  });

  it('ends a session whose server sends an endless line, without reading it all', async () => {
    await withServer({ greeting: null, endlessLine: 10 * 1024 * 1024 }, async (server) => {
      const conn = await Pop3Connection.open({ host: '127.0.0.1', port: server.port, timeoutMs: 30_000, caPem: ca.caPem });
      const error = await failure(conn.readLine());
      expect(error.kind).toBe('too-long');
      expect(error.message).toContain('longer than 8 KB');
    });
  });

  it('ends a multi-line answer that drips a line now and then, each in time, at one time limit for the whole answer', async () => {
    await withServer({ ...exchangeOnline(() => true), drip: { command: 'CAPA', intervalMs: 50 } }, async (server) => {
      // each line comes well within the 1 s limit; 200 of them would take 10 s
      const conn = await Pop3Connection.open({ host: '127.0.0.1', port: server.port, timeoutMs: 1000, caPem: ca.caPem });
      await conn.readLine();
      expect(await conn.command('CAPA')).toBe('+OK');
      const error = await failure(conn.readMultiline());
      expect(error.kind).toBe('timeout');
      expect(error.message).toBe('the answer did not end within 1 s');
      expect(server.received).toEqual(['CAPA']);
    });
  });

  it('refuses a certificate the CA file does not vouch for, and one for another name', async () => {
    await withServer(exchangeOnline(() => true), async (server) => {
      const error = await failure(Pop3Connection.open({ host: '127.0.0.1', port: server.port, timeoutMs: 10_000, caPem: ca.caPem }));
      expect((error.error as { code?: string }).code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    }, ca.selfSigned('localhost'));
    await withServer(exchangeOnline(() => true), async (server) => {
      const error = await failure(Pop3Connection.open({ host: '127.0.0.1', port: server.port, timeoutMs: 10_000, caPem: ca.caPem }));
      expect((error.error as { code?: string }).code).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    }, ca.issue('outlook.office365.com', ['DNS:outlook.office365.com']));
  });

  it('verifies the certificate even when NODE_TLS_REJECT_UNAUTHORIZED=0 is set', async () => {
    const before = process.env['NODE_TLS_REJECT_UNAUTHORIZED'];
    process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = '0';
    try {
      await withServer(exchangeOnline(() => true), async (server) => {
        // no CA file: the test CA is not trusted, and the environment variable cannot change that
        const error = await failure(Pop3Connection.open({ host: '127.0.0.1', port: server.port, timeoutMs: 10_000 }));
        expect(error.kind).toBe('network');
        expect(server.received).toEqual([]);
      });
    } finally {
      if (before === undefined) delete process.env['NODE_TLS_REJECT_UNAUTHORIZED'];
      else process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = before;
    }
  });

  it('has no way to send RETR, DELE, TOP or UIDL', async () => {
    await withServer(exchangeOnline(() => true), async (server) => {
      const conn = await Pop3Connection.open({ host: '127.0.0.1', port: server.port, timeoutMs: 10_000, caPem: ca.caPem });
      await conn.readLine();
      for (const command of ['RETR 1', 'DELE 1', 'TOP 1 0', 'UIDL']) {
        // @ts-expect-error the type allows only CAPA, AUTH XOAUTH2, STAT and QUIT
        await expect(conn.command(command)).rejects.toThrow();
      }
      await expect(conn.saslResponse('DELE 1')).rejects.toThrow('a SASL response is base64');
      conn.close();
      expect(server.received.filter((l) => /^(RETR|DELE|TOP|UIDL)\b/i.test(l))).toEqual([]);
    });
  });
});
