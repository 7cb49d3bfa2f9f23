import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir } from '@/lib/data-dir';

/**
 * The key that signs and encrypts session tokens. NEXTAUTH_SECRET wins when set. Otherwise a
 * random one is generated on first use and kept in `DATA_DIR/auth-secret` (mode 0600), so
 * restarts and every process sharing the data folder accept the same sessions.
 *
 * Not in the database: whoever holds the secret can mint an admin session (user ids and token
 * versions are guessable), and database copies travel (`db:backup`, a file handed to a colleague
 * for debugging). Databases from before this kept it in site_meta; migration 0004 deletes that
 * row, and since the new file starts with a new value, the old leaked one signs nothing.
 */
export const AUTH_SECRET_FILE = 'auth-secret';

export class AuthSecretUnavailable extends Error {
  constructor(reason: string) {
    super(
      `无法取得会话签名密钥:${reason}。请设置环境变量 NEXTAUTH_SECRET(例如 openssl rand -base64 32 的输出),` +
        '或让数据目录 DATA_DIR 可写,以便自动生成并保存密钥。',
    );
    this.name = 'AuthSecretUnavailable';
  }
}

let cached: { file: string; secret: string } | undefined;

export function authSecretPath(): string {
  return path.join(dataDir(), AUTH_SECRET_FILE);
}

export function authSecret(): string {
  const fromEnv = process.env.NEXTAUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  const file = authSecretPath();
  // Read once per process and file: the stored value never changes once written.
  if (cached?.file === file) return cached.secret;
  let secret: string;
  try {
    secret = readSecretFile(file) ?? createSecretFile(file);
  } catch (error) {
    const reason = error instanceof AuthSecretUnavailable ? error.message : `${file} 无法读写(${(error as Error).message})`;
    if (process.env.NODE_ENV === 'production') {
      throw error instanceof AuthSecretUnavailable ? error : new AuthSecretUnavailable(reason);
    }
    // Development only: sessions still work, until this process ends.
    console.warn(`[auth] ${reason};本进程改用临时密钥,重启后需要重新登录。`);
    secret = crypto.randomBytes(32).toString('base64url');
  }
  cached = { file, secret };
  return secret;
}

/**
 * For startup (server.ts / instrumentation): fails at once, with the message above, when no
 * secret can be had, instead of on the first sign-in.
 */
export function ensureAuthSecret(): void {
  authSecret();
}

function readSecretFile(file: string): string | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const secret = text.trim();
  if (secret.length < 32) throw new AuthSecretUnavailable(`${file} 的内容不是有效的密钥(请删除该文件后重启)`);
  // Copied in with a loose mode (cp, a restore): no other local account may read it.
  if (fs.statSync(file).mode & 0o077) fs.chmodSync(file, 0o600);
  return secret;
}

/**
 * Writes a new secret to a private temporary file and links it into place. link(2) fails if the
 * name exists, so when two processes start at once exactly one file wins, whole, and the loser
 * reads the winner's value; nobody can ever read a half-written secret.
 */
function createSecretFile(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`;
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    fs.fchmodSync(fd, 0o600); // whatever the umask
    fs.writeSync(fd, `${crypto.randomBytes(32).toString('base64url')}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
  const secret = readSecretFile(file);
  if (!secret) throw new AuthSecretUnavailable(`${file} 创建后无法读取`);
  return secret;
}
