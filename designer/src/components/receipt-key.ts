// The receipt key (dossier code and lookup secret) as the public pages send it, and what a refusal tells the
// citizen: an unknown code and a wrong secret get the same words, so neither can be probed.
import type { TFunction } from 'i18next';
import { ApiFailure } from '../api/api-client';

export const receiptKey = (code: string, secret: string) => ({
  code: code.trim().toUpperCase(),
  secret: secret.trim(),
});

/** The message for a failed call with a receipt key; anything but an API answer is rethrown. */
export function receiptKeyProblem(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiFailure)) throw error;
  return error.status === 404 || error.status === 400 ? t('ws.lookup.notFound') : error.message;
}
