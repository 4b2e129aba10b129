// The secret printed on the receipt slip: with the dossier code it opens the public status lookup. Only its
// bcrypt hash is stored; the plain secret exists in the response that issued it (and on the printed slip).
import bcrypt from 'bcryptjs';
import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: read aloud and typed back from paper. 31^10 ≈ 2^49. */
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const length = 10;
const cost = 10;

export function generateReceiptSecret(): string {
  let secret = '';
  for (let i = 0; i < length; i++) secret += alphabet[randomInt(alphabet.length)];
  return secret;
}

/** Case, spaces and hyphens do not matter when a citizen types the secret back. */
export function normaliseReceiptSecret(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

export const hashReceiptSecret = (secret: string) => bcrypt.hash(normaliseReceiptSecret(secret), cost);

export const receiptSecretMatches = (input: string, hash: string) =>
  bcrypt.compare(normaliseReceiptSecret(input), hash);
