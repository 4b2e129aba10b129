// The server side of SCRAM-SHA-256 (RFC 5802, RFC 7677) as mongod speaks it: keys derived once from the
// password, then per conversation a server-first message and a check of the client's proof.
import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';

export const scramMechanism = 'SCRAM-SHA-256';
/** mongod's default scramSHA256IterationCount. */
const iterations = 15_000;

/** What a server keeps of a user: never the password, only the keys derived from it. */
export interface ScramUser {
  username: string;
  salt: Buffer;
  iterations: number;
  storedKey: Buffer;
  serverKey: Buffer;
}

const hmac = (key: Buffer, text: string | Buffer) => createHmac('sha256', key).update(text).digest();
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest();

/** SASLprep is mostly NFKC; the driver applies the full profile, which agrees for every printable password. */
const saslPrep = (text: string) => text.normalize('NFKC');

export function scramUser(username: string, password: string): ScramUser {
  const salt = randomBytes(28);
  const salted = pbkdf2Sync(saslPrep(password), salt, iterations, 32, 'sha256');
  const clientKey = hmac(salted, 'Client Key');
  return {
    username,
    salt,
    iterations,
    storedKey: sha256(clientKey),
    serverKey: hmac(salted, 'Server Key'),
  };
}

export class ScramFailure extends Error {}

/** `n=` value: '=2C' and '=3D' stand for ',' and '=' (RFC 5802 §5.1). */
function decodeName(value: string): string {
  return value.replace(/=2C|=3D/g, (escape) => (escape === '=2C' ? ',' : '='));
}

function attributes(message: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const part of message.split(',')) {
    const eq = part.indexOf('=');
    if (eq === 1) fields.set(part[0] as string, part.slice(2));
  }
  return fields;
}

/** One authentication conversation: created from the client-first message, finished by the client-final. */
export class ScramConversation {
  readonly username: string;
  readonly serverFirst: string;
  private readonly clientFirstBare: string;
  private readonly nonce: string;
  private readonly gs2Header: string;
  private readonly user: ScramUser;

  constructor(clientFirst: string, lookup: (username: string) => ScramUser | undefined) {
    // gs2-header "n,," or "y,,": no channel binding, no authzid.
    const match = /^([ny]),,(n=[^,]*,r=[^,]+(?:,.*)?)$/.exec(clientFirst);
    if (!match) throw new ScramFailure('malformed client-first message');
    this.gs2Header = `${match[1]},,`;
    this.clientFirstBare = match[2] as string;
    const fields = attributes(this.clientFirstBare);
    this.username = decodeName(fields.get('n') ?? '');
    const clientNonce = fields.get('r') ?? '';
    const user = lookup(this.username);
    if (!user) throw new ScramFailure(`no user '${this.username}'`);
    this.user = user;
    this.nonce = clientNonce + randomBytes(24).toString('base64');
    this.serverFirst = `r=${this.nonce},s=${user.salt.toString('base64')},i=${user.iterations}`;
  }

  /** Checks the client's proof; returns the server-final message (`v=` signature) or throws ScramFailure. */
  finish(clientFinal: string): string {
    const proofAt = clientFinal.lastIndexOf(',p=');
    if (proofAt < 0) throw new ScramFailure('client-final message has no proof');
    const withoutProof = clientFinal.slice(0, proofAt);
    const fields = attributes(withoutProof);
    if (fields.get('c') !== Buffer.from(this.gs2Header).toString('base64'))
      throw new ScramFailure('channel binding does not match');
    if (fields.get('r') !== this.nonce) throw new ScramFailure('nonce does not match');
    const proof = Buffer.from(clientFinal.slice(proofAt + 3), 'base64');
    if (proof.length !== this.user.storedKey.length) throw new ScramFailure('proof refused');
    const authMessage = `${this.clientFirstBare},${this.serverFirst},${withoutProof}`;
    const clientSignature = hmac(this.user.storedKey, authMessage);
    const clientKey = Buffer.alloc(proof.length);
    for (let i = 0; i < proof.length; i++)
      clientKey[i] = (proof[i] as number) ^ (clientSignature[i] as number);
    if (!timingSafeEqual(sha256(clientKey), this.user.storedKey)) throw new ScramFailure('proof refused');
    return `v=${hmac(this.user.serverKey, authMessage).toString('base64')}`;
  }
}
