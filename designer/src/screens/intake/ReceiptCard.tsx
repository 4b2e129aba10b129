// What the counter hands over after receiving: the dossier code, the lookup secret, the appointment, the queue
// ticket, the files uploaded (each linked to its stored copy; a failed one can be sent again) and the receipt slip (Mẫu 01) to print, which the
// intake worker issues shortly after the submission.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { DossierComponent } from '../../api/types';
import { kilobytes } from './ComponentsChecklist';
import { receiptSlip, slipUrl, storedFileUrl, uploadDocuments, type UploadOutcome } from './intake-api';
import { formatDateTime, type DossierDetail, type IssuedSlip } from '../../api/workspace-api';

const pollMs = 1000;
const pollTries = 60;

export function ReceiptCard({
  dossier,
  secret,
  uploads,
  components,
  onNext,
}: {
  dossier: DossierDetail;
  secret: string;
  uploads: UploadOutcome;
  components: DossierComponent[];
  onNext(): void;
}) {
  const { t, i18n } = useTranslation();
  const [outcome, setOutcome] = useState(uploads);
  const [retrying, setRetrying] = useState(false);
  const [slip, setSlip] = useState<IssuedSlip | undefined>(dossier.slips?.find((s) => s.kind === '01'));
  const [appointmentAt, setAppointmentAt] = useState(dossier.appointmentAt);
  const [slipState, setSlipState] = useState<'pending' | 'none'>('pending');

  // The intake worker issues Mẫu 01 and the appointment asynchronously: ask until they are there.
  useEffect(() => {
    if (slip) return;
    let tries = 0;
    let stopped = false;
    const timer = setInterval(() => {
      tries++;
      receiptSlip(dossier.code)
        .then((found) => {
          if (stopped) return;
          if (found.appointmentAt) setAppointmentAt(found.appointmentAt);
          if (found.slip) {
            setSlip(found.slip);
            clearInterval(timer);
          } else if (tries >= pollTries || (!found.processStarted && tries >= 3)) {
            setSlipState('none');
            clearInterval(timer);
          }
        })
        .catch(() => undefined);
    }, pollMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [dossier.code, slip]);

  const retry = async () => {
    setRetrying(true);
    try {
      const again = await uploadDocuments(dossier.code, outcome.failed, i18n.language);
      setOutcome({ uploaded: [...outcome.uploaded, ...again.uploaded], failed: again.failed });
    } finally {
      setRetrying(false);
    }
  };

  const componentName = (id: string) => components.find((c) => c.id === id)?.name ?? id;
  const rows: [string, string, string][] = [
    ['receipt-code', t('ws.intake.code'), dossier.code],
    ['receipt-secret', t('ws.intake.secret'), secret],
    [
      'receipt-appointment',
      t('ws.intake.appointment'),
      appointmentAt ? formatDateTime(appointmentAt) : t('ws.intake.appointmentPending'),
    ],
    ...(dossier.queueTicket
      ? [
          ['receipt-queue-ticket', t('ws.intake.queueTicket'), dossier.queueTicket] as [
            string,
            string,
            string,
          ],
        ]
      : []),
  ];
  return (
    <Paper sx={{ p: 3, maxWidth: 760 }} data-testid="receipt">
      <Alert severity="success" sx={{ mb: 2 }}>
        {t('ws.intake.received')}: {dossier.procedure.name}
      </Alert>
      <Stack spacing={1.5}>
        {rows.map(([id, label, value]) => (
          <Stack key={id} direction="row" sx={{ gap: 2, alignItems: 'baseline' }}>
            <Typography sx={{ width: 260, flexShrink: 0 }} color="text.secondary">
              {label}
            </Typography>
            <Typography
              variant="h6"
              component="div"
              data-testid={id}
              // Codes read character by character in monospace; Vietnamese text keeps the UI font (its marks).
              sx={id === 'receipt-appointment' ? {} : { fontFamily: 'monospace' }}
            >
              {value}
            </Typography>
          </Stack>
        ))}
      </Stack>

      <Typography variant="subtitle1" component="h2" sx={{ mt: 3, mb: 1 }}>
        {t('ws.intake.documents')}
      </Typography>
      {outcome.uploaded.length === 0 && outcome.failed.length === 0 ? (
        <Typography color="text.secondary">{t('ws.intake.noDocuments')}</Typography>
      ) : (
        <Stack component="ul" sx={{ m: 0, pl: 3, gap: 0.5 }} data-testid="receipt-documents">
          {outcome.uploaded.map((u) => (
            <li key={u.fileId}>
              <Typography variant="body2" component="span">
                {componentName(u.component)}:{' '}
              </Typography>
              <Link
                href={storedFileUrl(dossier.code, u.fileId)}
                target="_blank"
                rel="noopener"
                aria-label={t('ws.intake.viewFile', { name: u.local.file.name })}
              >
                {u.local.file.name}
              </Link>
              <Typography variant="body2" component="span" color="text.secondary">
                {' '}
                ({kilobytes(u.size)})
              </Typography>
            </li>
          ))}
        </Stack>
      )}
      {outcome.failed.length > 0 && (
        <Alert
          severity="error"
          role="alert"
          sx={{ mt: 1 }}
          data-testid="upload-failed"
          action={
            <Button color="inherit" size="small" disabled={retrying} onClick={() => void retry()}>
              {t('ws.intake.retryUpload')}
            </Button>
          }
        >
          {t('ws.intake.uploadFailed', { count: outcome.failed.length })}
          {outcome.failed.map((f) => (
            <div key={f.local.url}>
              {f.local.file.name}: {f.message}
            </div>
          ))}
        </Alert>
      )}

      <Stack direction="row" sx={{ gap: 2, mt: 3, alignItems: 'center', flexWrap: 'wrap' }}>
        {slip ? (
          <Button
            variant="contained"
            href={slipUrl(dossier.code, slip)}
            target="_blank"
            rel="noopener"
            data-testid="receipt-slip"
          >
            {t('ws.intake.receiptSlip')}
          </Button>
        ) : (
          <Typography role="status" color="text.secondary" data-testid="receipt-slip-pending">
            {slipState === 'pending' ? t('ws.intake.receiptSlipPending') : t('ws.intake.receiptSlipNone')}
          </Typography>
        )}
        <Button variant="outlined" onClick={onNext}>
          {t('ws.intake.newDossier')}
        </Button>
        <Button component={RouterLink} to={`/dossiers/${dossier.code}`}>
          {t('ws.intake.openDossier')}
        </Button>
      </Stack>
    </Paper>
  );
}
