/**
 * A real POP3 server for the probe's tests: Debian's Dovecot (dovecot-pop3d), run as root from a config in
 * its own folder (base_dir, state, log, maildirs), a pop3s listener on a free loopback port, and an oauth2
 * passdb that validates each bearer token against the stand-in's introspection endpoint. The config and the
 * gotchas are shared/reference/pop3-test-server.md's: the per-IP auth penalty disabled, stdin and output to
 * files, a system user owning the mail, liveness read from /proc (a zombie passes kill -0).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The system user that owns the test maildirs (Dovecot's pop3 processes run as it). */
export const MAIL_USER = 'tmcheck-mail';

export interface DovecotOptions {
  /** The RFC 7662 endpoint (the stand-in's). */
  readonly introspectionUrl: string;
  readonly certFile: string;
  readonly keyFile: string;
  /** Mailboxes to create, address -> number of messages in it. */
  readonly mailboxes: Readonly<Record<string, number>>;
}

interface MailUser {
  readonly uid: number;
  readonly gid: number;
}

function commandExists(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The mail user, made with useradd --system when missing (tests run as root, here and in CI). */
function ensureMailUser(): MailUser {
  const lookup = (): MailUser | undefined => {
    try {
      const uid = Number(execFileSync('id', ['-u', MAIL_USER], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim());
      const gid = Number(execFileSync('id', ['-g', MAIL_USER], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim());
      return { uid, gid };
    } catch {
      return undefined;
    }
  };
  const found = lookup();
  if (found) return found;
  if (process.getuid?.() !== 0) throw new Error(`the Dovecot tests run as root (they add the system user ${MAIL_USER}); run them as root, as CI does`);
  try {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', MAIL_USER], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (error) {
    // another test file may have added it meanwhile
    const again = lookup();
    if (again) return again;
    throw error;
  }
  const made = lookup();
  if (!made) throw new Error(`useradd did not create ${MAIL_USER}`);
  return made;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Whether a process is running (not a zombie): its state in /proc/PID/stat. */
function alive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

/** Resolves when a TCP connection to the port is accepted; rejects once `give` says to stop trying. */
async function waitForPort(port: number, give: () => string | undefined): Promise<void> {
  for (;;) {
    const stop = give();
    if (stop !== undefined) throw new Error(stop);
    const accepted = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => {
        socket.destroy();
        // the next attempt follows the next turn of the event loop's timers, not a fixed sleep
        setTimeout(() => resolve(false), 25);
      });
    });
    if (accepted) return;
  }
}

function maildirOf(lab: string, address: string): string {
  const [local, domain] = address.toLowerCase().split('@') as [string, string];
  return join(lab, 'mail', domain, local, 'Maildir');
}

function message(address: string, n: number): string {
  return [
    `From: TM Master <replication@example.com>`,
    `To: <${address}>`,
    `Subject: TM Exchange replication package ${n}`,
    `Message-ID: <tmcheck-test-${n}@example.com>`,
    `Date: Mon, 04 May 2026 10:0${n % 10}:00 +0000`,
    '',
    `Replication data ${n}: this message must stay where it is.`,
    '',
  ].join('\r\n');
}

export class Dovecot {
  readonly #child: ChildProcess;
  #exited: Promise<void>;
  #onExit: () => void;

  private constructor(
    readonly lab: string,
    readonly port: number,
    child: ChildProcess,
  ) {
    this.#child = child;
    this.#exited = new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once('exit', () => resolve());
    });
    // a test run that ends without stop() leaves no Dovecot behind
    this.#onExit = () => {
      if (alive(child.pid)) child.kill('SIGKILL');
    };
    process.once('exit', this.#onExit);
  }

  /** Whether dovecot and openssl are installed (.ci/run installs dovecot-pop3d and openssl with apt-get). */
  static available(): boolean {
    return commandExists('dovecot') && commandExists('openssl');
  }

  static async start(options: DovecotOptions): Promise<Dovecot> {
    const user = ensureMailUser();
    let lastError = '';
    // a free port can be taken between asking and binding: try a few
    for (let attempt = 0; attempt < 4; attempt++) {
      const port = await freePort();
      const lab = mkdtempSync(join(tmpdir(), 'tmcheck-dovecot-'));
      try {
        return await Dovecot.startIn(lab, port, user, options);
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
        rmSync(lab, { recursive: true, force: true });
      }
    }
    throw new Error(`Dovecot did not start: ${lastError}`);
  }

  private static async startIn(lab: string, port: number, user: MailUser, options: DovecotOptions): Promise<Dovecot> {
    // the auth process (user dovecot) reads the oauth2 settings, the pop3 processes (the mail user) walk to the mail
    chmodSync(lab, 0o755);
    for (const dir of ['run', 'state', 'log', 'etc', 'mail']) mkdirSync(join(lab, dir), { mode: 0o755 });
    chownSync(join(lab, 'mail'), user.uid, user.gid);
    const conf = join(lab, 'etc', 'dovecot.conf');
    writeFileSync(
      join(lab, 'etc', 'dovecot-oauth2.conf.ext'),
      [
        'introspection_mode = post',
        `introspection_url = ${options.introspectionUrl}`,
        'username_attribute = username',
        'active_attribute = active',
        'active_value = true',
        'timeout_msecs = 5000',
        '',
      ].join('\n'),
      { mode: 0o644 },
    );
    writeFileSync(
      conf,
      [
        'protocols = pop3',
        'listen = 127.0.0.1',
        `base_dir = ${lab}/run`,
        `state_dir = ${lab}/state`,
        `instance_name = tmcheck-test-${port}`,
        `log_path = ${lab}/log/dovecot.log`,
        'ssl = required',
        `ssl_cert = <${options.certFile}`,
        `ssl_key = <${options.keyFile}`,
        'ssl_min_protocol = TLSv1.2',
        'auth_mechanisms = xoauth2 oauthbearer',
        'auth_failure_delay = 0s',
        'auth_verbose = yes',
        'passdb {',
        '  driver = oauth2',
        '  mechanisms = xoauth2 oauthbearer',
        `  args = ${lab}/etc/dovecot-oauth2.conf.ext`,
        '}',
        'userdb {',
        '  driver = static',
        `  args = uid=${user.uid} gid=${user.gid} home=${lab}/mail/%d/%n allow_all_users=yes`,
        '}',
        `first_valid_uid = ${user.uid}`,
        `first_valid_gid = ${user.gid}`,
        'mail_location = maildir:~/Maildir',
        'service pop3-login {',
        '  inet_listener pop3 {',
        '    port = 0',
        '  }',
        '  inet_listener pop3s {',
        '    address = 127.0.0.1',
        `    port = ${port}`,
        '    ssl = yes',
        '  }',
        '}',
        '# no per-IP auth penalty: renaming its listener turns it off in 2.3 (pop3-test-server.md, gotcha 1)',
        'service anvil {',
        '  unix_listener anvil-auth-penalty {',
        '    path = anvil-auth-penalty-disabled',
        '  }',
        '}',
        '',
      ].join('\n'),
      { mode: 0o644 },
    );
    for (const [address, count] of Object.entries(options.mailboxes)) {
      const maildir = maildirOf(lab, address);
      for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(maildir, sub), { recursive: true });
      for (let n = 1; n <= count; n++) writeFileSync(join(maildir, 'cur', `${1_700_000_000 + n}.M${n}P1.tmcheck:2,S`), message(address, n));
      execFileSync('chown', ['-R', `${user.uid}:${user.gid}`, join(lab, 'mail')]);
    }
    const out = openSync(join(lab, 'log', 'stdout.log'), 'a');
    const child = spawn('dovecot', ['-F', '-c', conf], { stdio: ['ignore', out, out] });
    closeSync(out);
    const dovecot = new Dovecot(lab, port, child);
    let spawnError: string | undefined;
    child.once('error', (error) => {
      spawnError = error.message;
    });
    try {
      await waitForPort(port, () => {
        if (spawnError !== undefined) return `cannot run dovecot: ${spawnError}`;
        if (child.exitCode !== null || child.signalCode !== null || (child.pid !== undefined && !alive(child.pid))) {
          return `dovecot exited at start: ${dovecot.output()}`;
        }
        return undefined;
      });
    } catch (error) {
      await dovecot.stop(false);
      throw error;
    }
    return dovecot;
  }

  /** What Dovecot wrote: its log and anything on stdout/stderr. */
  output(): string {
    return ['stdout.log', 'dovecot.log']
      .map((f) => join(this.lab, 'log', f))
      .filter((f) => existsSync(f))
      .map((f) => readFileSync(f, 'utf8'))
      .join('');
  }

  /** Dovecot's own log. */
  log(): string {
    const file = join(this.lab, 'log', 'dovecot.log');
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  }

  /** The messages in a mailbox: the files of its maildir's new/ and cur/ (Dovecot moves new to cur; neither loses one). */
  messageCount(address: string): number {
    const maildir = maildirOf(this.lab, address);
    let n = 0;
    for (const sub of ['new', 'cur']) {
      const dir = join(maildir, sub);
      if (existsSync(dir)) n += readdirSync(dir).length;
    }
    return n;
  }

  /** Stops Dovecot (SIGTERM; its stop takes about a second by design) and removes its folder unless `keep`. */
  async stop(remove = true): Promise<void> {
    if (alive(this.#child.pid)) {
      this.#child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const killed = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          if (alive(this.#child.pid)) this.#child.kill('SIGKILL');
          resolve();
        }, 15_000);
      });
      await Promise.race([this.#exited, killed]);
      clearTimeout(timer);
    }
    process.removeListener('exit', this.#onExit);
    if (remove) rmSync(this.lab, { recursive: true, force: true });
  }
}
