// The two things printed on the receipt that open a dossier to the public: its code and the lookup secret.
import { useTranslation } from 'react-i18next';
import TextField from '@mui/material/TextField';
import type { ReceiptKeyState } from './use-receipt-key';

interface Props {
  /** Prefix of the inputs' ids, e.g. `lookup` gives `lookup-code` and `lookup-secret`. */
  idPrefix: string;
  receipt: ReceiptKeyState;
}

export function ReceiptKeyFields({ idPrefix, receipt }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id={`${idPrefix}-code`}
        size="small"
        required
        label={t('ws.lookup.code')}
        value={receipt.code}
        onChange={(e) => receipt.setCode(e.target.value)}
        sx={{ flexGrow: 1 }}
      />
      <TextField
        id={`${idPrefix}-secret`}
        size="small"
        required
        label={t('ws.lookup.secret')}
        value={receipt.secret}
        onChange={(e) => receipt.setSecret(e.target.value)}
      />
    </>
  );
}
