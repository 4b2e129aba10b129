// The slips issued for a dossier (Circular 03/2025 Annex I forms), each opening its PDF.
import { useTranslation } from 'react-i18next';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { formatDateTime, type IssuedSlip } from '../../api/workspace-api';

export function DossierSlips({ code, slips }: { code: string; slips: IssuedSlip[] }) {
  const { t } = useTranslation();
  if (!slips.length) return <Typography color="text.secondary">{t('ws.task.noSlips')}</Typography>;
  return (
    <List dense data-testid="slips">
      {slips.map((slip) => (
        <ListItem key={slip.key} disableGutters>
          <ListItemText
            primary={
              <Link
                href={`/api/dossiers/${encodeURIComponent(code)}/slips/${encodeURIComponent(slip.number)}.pdf`}
                target="_blank"
                rel="noopener"
              >
                {t('ws.task.slip', { kind: slip.kind })} — {t(`ws.slipKind.${slip.kind}`)} ({slip.number})
              </Link>
            }
            secondary={formatDateTime(slip.issuedAt)}
          />
        </ListItem>
      ))}
    </List>
  );
}
