// Citizens check where their dossier stands with the code and the secret from their receipt; no sign-in.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import Link from '@mui/material/Link';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { PublicPage } from '../../components/PublicPage';
import { useReceiptKey } from '../../components/use-receipt-key';
import { ReceiptKeyFields } from '../../components/ReceiptKeyFields';
import { StatusChip } from '../../components/dossier/StatusChip';
import { formatDateTime, workspaceApi, type PublicStatus } from '../../api/workspace-api';

export function PublicLookupPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  // The e-mails link here with ?ma=<code>; the secret is typed from the receipt.
  const receipt = useReceiptKey({ code: params.get('ma') ?? '' });
  const [status, setStatus] = useState<PublicStatus | null>(null);

  const lookUp = async (event: FormEvent) => {
    event.preventDefault();
    setStatus(null);
    await receipt.send(async (key) => setStatus(await workspaceApi.lookup(key.code, key.secret)));
  };

  return (
    <PublicPage title={t('ws.lookup.title')}>
      <Paper component="form" onSubmit={(e) => void lookUp(e)} sx={{ p: 2 }}>
        <Typography sx={{ mb: 2 }}>{t('ws.lookup.intro')}</Typography>
        <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2 }}>
          <ReceiptKeyFields idPrefix="lookup" receipt={receipt} />
          <Button type="submit" variant="contained" disabled={receipt.busy}>
            {t('ws.lookup.submit')}
          </Button>
        </Stack>
      </Paper>
      {receipt.problem && (
        <Alert severity="error" role="alert" sx={{ mt: 2 }}>
          {receipt.problem}
        </Alert>
      )}
      {status && (
        <Paper sx={{ p: 2, mt: 2 }} data-testid="lookup-result">
          <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="h6" component="h2">
              {status.code}
            </Typography>
            <StatusChip status={status.status} overdue={status.overdue} />
          </Stack>
          <Typography>{status.procedure.name}</Typography>
          <Typography color="text.secondary">
            {t('ws.lookup.applicant')}: {status.applicantName}
          </Typography>
          <Typography>
            {t('ws.dossiers.submitted')}: {formatDateTime(status.submittedAt)}
          </Typography>
          <Typography>
            {t('ws.dossiers.appointment')}: {formatDateTime(status.appointmentAt)}
          </Typography>
          <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>
            {t('ws.lookup.history')}
          </Typography>
          <List dense>
            {status.history.map((h, i) => (
              <ListItem key={`${h.at}-${i}`} disableGutters>
                <ListItemText primary={h.status.label} secondary={formatDateTime(h.at)} />
              </ListItem>
            ))}
          </List>
          {/* Rating opens once the result is delivered (status 10); the secret goes along in the router state. */}
          {status.status.code === 10 && (
            <Button
              component={RouterLink}
              to="/tra-cuu/danh-gia"
              state={{ code: status.code, secret: receipt.secret.trim() }}
              variant="outlined"
              data-testid="rate-link"
            >
              {t('ws.rating.link')}
            </Button>
          )}
        </Paper>
      )}
      <Link component={RouterLink} to="/tra-cuu/danh-gia" sx={{ display: 'inline-block', mt: 2 }}>
        {t('ws.rating.link')}
      </Link>
    </PublicPage>
  );
}
