// What the counter hands over after receiving: the dossier code, the lookup secret and the appointment.
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { formatDateTime, type DossierDetail } from './workspace-api';

export function ReceiptCard({
  dossier,
  secret,
  onNext,
}: {
  dossier: DossierDetail;
  secret: string;
  onNext(): void;
}) {
  const { t } = useTranslation();
  const rows: [string, string, string][] = [
    ['receipt-code', t('ws.intake.code'), dossier.code],
    ['receipt-secret', t('ws.intake.secret'), secret],
    [
      'receipt-appointment',
      t('ws.intake.appointment'),
      dossier.appointmentAt ? formatDateTime(dossier.appointmentAt) : t('ws.intake.appointmentPending'),
    ],
  ];
  return (
    <Paper sx={{ p: 3, maxWidth: 640 }} data-testid="receipt">
      <Alert severity="success" sx={{ mb: 2 }}>
        {t('ws.intake.received')}: {dossier.procedure.name}
      </Alert>
      <Stack spacing={1.5}>
        {rows.map(([id, label, value]) => (
          <Stack key={id} direction="row" sx={{ gap: 2, alignItems: 'baseline' }}>
            <Typography sx={{ width: 260 }} color="text.secondary">
              {label}
            </Typography>
            <Typography variant="h6" component="div" data-testid={id} sx={{ fontFamily: 'monospace' }}>
              {value}
            </Typography>
          </Stack>
        ))}
      </Stack>
      <Stack direction="row" sx={{ gap: 2, mt: 3 }}>
        <Button variant="contained" onClick={onNext}>
          {t('ws.intake.newDossier')}
        </Button>
        <Button component={RouterLink} to={`/dossiers/${dossier.code}`}>
          {t('ws.intake.openDossier')}
        </Button>
      </Stack>
    </Paper>
  );
}
