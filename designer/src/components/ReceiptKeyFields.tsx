// The two things printed on the receipt that open a dossier to the public: its code and the lookup secret.
import { useTranslation } from 'react-i18next';
import TextField from '@mui/material/TextField';

interface Props {
  /** Prefix of the inputs' ids, e.g. `lookup` gives `lookup-code` and `lookup-secret`. */
  idPrefix: string;
  code: string;
  secret: string;
  onCode(code: string): void;
  onSecret(secret: string): void;
}

export function ReceiptKeyFields({ idPrefix, code, secret, onCode, onSecret }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id={`${idPrefix}-code`}
        size="small"
        required
        label={t('ws.lookup.code')}
        value={code}
        onChange={(e) => onCode(e.target.value)}
        sx={{ flexGrow: 1 }}
      />
      <TextField
        id={`${idPrefix}-secret`}
        size="small"
        required
        label={t('ws.lookup.secret')}
        value={secret}
        onChange={(e) => onSecret(e.target.value)}
      />
    </>
  );
}
