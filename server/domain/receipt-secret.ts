// The secret printed on the receipt slip: with the dossier code it opens the public status lookup. Only its
// bcrypt hash is stored; the plain secret exists in the response that issued it (and on the printed slip).
import bcrypt from 'bcryptjs';
import { randomInt } from 'node:crypto';
import { notFound } from '../errors/api-error';
import { DossierModel, type Dossier } from '../models/Dossier';

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

// A bcrypt hash of nothing anyone can type, so an unknown code costs as much time as a wrong secret.
const absentHash = '$2b$10$gWb531r1ksTbQEuXQuANUOVeJ8dM5J3TMXR0WlaGPQTqXQfuI6psi';

/** The dossier for a code and the secret on its receipt; 404 alike for an unknown code and a wrong secret. */
export async function dossierByReceipt(code: string, secret: string): Promise<Dossier> {
  const dossier = await DossierModel.findOne({ code }).lean();
  const matches = await receiptSecretMatches(secret, dossier?.receiptSecretHash ?? absentHash);
  if (!dossier || !matches) throw notFound('dossier');
  return dossier;
}
