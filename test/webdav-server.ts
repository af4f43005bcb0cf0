/**
 * A real WebDAV server for the sync tests: a private Apache httpd (Debian's `apache2`, with
 * mod_dav, mod_dav_fs and basic auth) on a free loopback port, with its own configuration,
 * document root, lock database and password file in a temporary folder. Nothing of the system's
 * Apache configuration is read or changed.
 *
 * Apache will not serve as root: when the tests run as root (CI), its workers run as www-data and
 * the document root is handed to that user; otherwise they run as the caller.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const HTTPD = process.env.APACHE_HTTPD ?? '/usr/sbin/apache2';
const MODULES = '/usr/lib/apache2/modules';
const RUN_USER = 'www-data';

export interface WebdavServer {
  /** The DAV folder's address, ending in `/`: `http://127.0.0.1:PORT/dav/`. */
  url: string;
  user: string;
  password: string;
  /** The folder on disk that `url` serves. */
  root: string;
  /** Stops the server (SIGTERM, waits for it to exit); `start` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /**
   * Makes the server answer every write as a full disk does (HTTP 507 Insufficient Storage, which
   * mod_dav sends when the file system says ENOSPC), or no longer; restarts it on the same port.
   */
  setFull(full: boolean): Promise<void>;
  /** Makes a folder under the root (relative path, '' for the root) writable or not for the server. */
  setWritable(relative: string, writable: boolean): void;
  /** A file's bytes as stored, and writes it by hand (as someone with a shell on the server might). */
  read(relative: string): string;
  write(relative: string, content: string): void;
  /** Every file under the root, as relative paths. */
  files(): string[];
  /** The requests served so far, one line each: method, path, status. */
  requests(): string[];
  /** Stops the server and deletes its folder. */
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const asRoot = process.getuid?.() === 0;

function giveToServer(path: string): void {
  if (!asRoot) return;
  const uid = Number(execFileSync('id', ['-u', RUN_USER], { encoding: 'utf8' }));
  const gid = Number(execFileSync('id', ['-g', RUN_USER], { encoding: 'utf8' }));
  chownSync(path, uid, gid);
}

function config(dir: string, port: number, options: ServerOptions, full = false): string {
  const modules = ['mpm_event', 'authz_core', 'authn_core', 'auth_basic', 'authn_file', 'authz_user', 'dav', 'dav_fs', 'alias', 'rewrite'];
  return [
    ...modules.map((name) => `LoadModule ${name}_module ${MODULES}/mod_${name}.so`),
    `ServerRoot "${dir}"`,
    'ServerName 127.0.0.1',
    `Listen 127.0.0.1:${port}`,
    `PidFile "${dir}/httpd.pid"`,
    `ErrorLog "${dir}/error.log"`,
    'LogLevel warn',
    `CustomLog "${dir}/access.log" "%m %U %>s"`,
    ...(asRoot ? [`User ${RUN_USER}`, `Group ${RUN_USER}`] : []),
    `DefaultRuntimeDir "${dir}/run"`,
    `DavLockDB "${dir}/lock/DavLock"`,
    'StartServers 1',
    'ServerLimit 1',
    'ThreadsPerChild 16',
    'MaxRequestWorkers 16',
    'KeepAlive On',
    `DocumentRoot "${dir}/www"`,
    `Alias /dav "${dir}/data"`,
    `<Directory "${dir}/data">`,
    '  Dav On',
    ...(options.strongEtags ? ['  FileETag Digest'] : []),
    '  AuthType Basic',
    '  AuthName "Webinar Notes test"',
    `  AuthUserFile "${dir}/htpasswd"`,
    '  Require valid-user',
    // A disk filling up cannot be made on demand without mounting one; mod_rewrite gives the
    // same answer to the same requests (a status outside 3xx ends the request with it).
    ...(full ? ['  RewriteEngine On', '  RewriteCond %{REQUEST_METHOD} ^(PUT|MKCOL|COPY|MOVE)$', '  RewriteRule ^ - [R=507]'] : []),
    '</Directory>',
    '',
  ].join('\n');
}

async function waitUntil(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`The test WebDAV server ${what} within 10 s`);
}

export interface ServerOptions {
  user?: string;
  password?: string;
  /**
   * Strong ETags (`FileETag Digest`, a hash of the content). Apache's default ETag of a file is
   * its size and modification time, marked weak for the first second after a write: `If-Match`
   * never matches a weak ETag, so a client must send it in WebDAV's `If` header then.
   */
  strongEtags?: boolean;
}

/** Starts a server with one user (`user`/`password`) and an empty DAV folder. */
export async function startWebdavServer(options: ServerOptions = {}): Promise<WebdavServer> {
  const { user = 'alice', password = 'correct horse battery' } = options;
  const dir = mkdtempSync(join(tmpdir(), 'webdav-'));
  chmodSync(dir, 0o755);
  for (const sub of ['data', 'lock', 'run', 'www']) mkdirSync(join(dir, sub));
  for (const sub of ['data', 'lock', 'run']) giveToServer(join(dir, sub));
  // htpasswd from apache2-utils, bcrypt: the password goes in on stdin, never in a process list.
  execFileSync('htpasswd', ['-c', '-i', '-B', join(dir, 'htpasswd'), user], { input: password, stdio: ['pipe', 'ignore', 'pipe'] });
  chmodSync(join(dir, 'htpasswd'), 0o644);
  const port = await freePort();
  writeFileSync(join(dir, 'httpd.conf'), config(dir, port, options));
  const url = `http://127.0.0.1:${port}/dav/`;
  let child: ChildProcess | undefined;

  const answers = async () => {
    try {
      await fetch(url, { method: 'OPTIONS' });
      return true;
    } catch {
      return false;
    }
  };
  const start = async () => {
    if (child) return;
    const started = spawn(HTTPD, ['-f', join(dir, 'httpd.conf'), '-DFOREGROUND'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    started.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child = started;
    started.once('exit', () => {
      if (child === started) child = undefined;
    });
    await waitUntil(async () => {
      if (started.exitCode !== null) throw new Error(`Apache exited: ${stderr}${readLog()}`);
      return answers();
    }, 'did not answer');
  };
  const readLog = () => {
    try {
      return readFileSync(join(dir, 'error.log'), 'utf8');
    } catch {
      return '';
    }
  };
  const stop = async () => {
    const running = child;
    if (!running) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
    if (child === running) child = undefined;
    await waitUntil(async () => !(await answers()), 'kept answering');
  };
  await start();
  const path = (relative: string) => join(dir, 'data', relative);
  return {
    url,
    user,
    password,
    root: path(''),
    stop,
    start,
    async setFull(full) {
      await stop();
      writeFileSync(join(dir, 'httpd.conf'), config(dir, port, options, full));
      await start();
    },
    setWritable(relative, writable) {
      chmodSync(path(relative), writable ? 0o755 : 0o555);
    },
    read: (relative) => readFileSync(path(relative), 'utf8'),
    write(relative, content) {
      const mode = statSync(path(relative)).mode;
      writeFileSync(path(relative), content);
      chmodSync(path(relative), mode);
    },
    files() {
      const found: string[] = [];
      const walk = (relative: string) => {
        for (const entry of readdirSync(path(relative), { withFileTypes: true })) {
          const next = relative ? `${relative}/${entry.name}` : entry.name;
          if (entry.isDirectory()) walk(next);
          else found.push(next);
        }
      };
      walk('');
      return found.sort();
    },
    requests() {
      try {
        return readFileSync(join(dir, 'access.log'), 'utf8').split('\n').filter(Boolean);
      } catch {
        return [];
      }
    },
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
