// The receipt key (dossier code and lookup secret) a public page asks for, and the call made with it: sent
// trimmed, the code upper-cased; an unknown code and a wrong secret get the same words, so neither can be probed.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiFailure } from '../api/api-client';

export interface ReceiptKey {
  code: string;
  secret: string;
}

export function useReceiptKey(initial: Partial<ReceiptKey>) {
  const { t } = useTranslation();
  const [code, setCode] = useState(initial.code ?? '');
  const [secret, setSecret] = useState(initial.secret ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** Sends the typed key; a refusal by the API becomes the problem shown, anything else is rethrown. */
  const send = async (call: (key: ReceiptKey) => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await call({ code: code.trim().toUpperCase(), secret: secret.trim() });
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      setProblem(error.status === 404 || error.status === 400 ? t('ws.lookup.notFound') : error.message);
    } finally {
      setBusy(false);
    }
  };

  return { code, setCode, secret, setSecret, problem, busy, send };
}

export type ReceiptKeyState = ReturnType<typeof useReceiptKey>;
