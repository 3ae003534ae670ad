/**
 * A test certificate authority made at setup with openssl: the CA, and server certificates it signs
 * for 127.0.0.1 and localhost. The probe trusts the CA only through --ca-file, so every test runs with
 * certificate verification on, as a customer's probe does.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ServerCertificate {
  /** PEM files. */
  readonly certFile: string;
  readonly keyFile: string;
  readonly cert: string;
  readonly key: string;
}

export interface TestCa {
  readonly dir: string;
  /** The CA certificate (PEM file): what tests pass as --ca-file. */
  readonly caFile: string;
  readonly caPem: string;
  /** A server certificate signed by the CA for 127.0.0.1 and localhost. */
  readonly server: ServerCertificate;
  /** Another certificate signed by the CA, for the given names only (a name-mismatch test). */
  issue(name: string, altNames: readonly string[]): ServerCertificate;
  /** A self-signed certificate the CA knows nothing of (an untrusted server). */
  selfSigned(name: string): ServerCertificate;
  remove(): void;
}

function openssl(args: readonly string[], cwd: string): void {
  try {
    execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`openssl ${args[0]} failed (is openssl installed? .ci/run installs it): ${stderr || String(error)}`);
  }
}

/** Makes a CA and a server certificate in a new temporary folder (EC keys: instant to generate). */
export function makeTestCa(): TestCa {
  const dir = mkdtempSync(join(tmpdir(), 'tmcheck-ca-'));
  // servers that drop root (Dovecot's processes) read nothing here: the master reads the key as root
  chmodSync(dir, 0o755);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(
    [
      'req', '-x509', ...ec, '-days', '3', '-subj', '/CN=tmcheck test CA', '-keyout', 'ca.key', '-out', 'ca.pem',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
    ],
    dir,
  );
  let serial = 0;
  const issue = (name: string, altNames: readonly string[]): ServerCertificate => {
    const base = `server-${++serial}`;
    openssl(['req', ...ec, '-subj', `/CN=${name}`, '-keyout', `${base}.key`, '-out', `${base}.csr`], dir);
    writeFileSync(
      join(dir, `${base}.ext`),
      `basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=${altNames.join(',')}\n`,
    );
    openssl(
      ['x509', '-req', '-in', `${base}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', String(1000 + serial), '-days', '2', '-out', `${base}.pem`, '-extfile', `${base}.ext`],
      dir,
    );
    return read(dir, base);
  };
  const selfSigned = (name: string): ServerCertificate => {
    const base = `self-${++serial}`;
    openssl(['req', '-x509', ...ec, '-days', '2', '-subj', `/CN=${name}`, '-keyout', `${base}.key`, '-out', `${base}.pem`, '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], dir);
    return read(dir, base);
  };
  const server = issue('localhost', ['DNS:localhost', 'IP:127.0.0.1']);
  return {
    dir,
    caFile: join(dir, 'ca.pem'),
    caPem: readFileSync(join(dir, 'ca.pem'), 'utf8'),
    server,
    issue,
    selfSigned,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function read(dir: string, base: string): ServerCertificate {
  const certFile = join(dir, `${base}.pem`);
  const keyFile = join(dir, `${base}.key`);
  return { certFile, keyFile, cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
}
