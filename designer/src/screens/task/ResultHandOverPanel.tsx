// Returning the result: the counter officer uploads the result document(s) if not yet on the dossier, prints the
// slips (receipt 01, control slip 06, any other issued), and records how the result was handed over — channel and
// who received it (the person at the counter, or the postal tracking number) — which completes HandOverResult.
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { ApiFailure } from '../../api/api-client';
import { DossierSlips } from '../../components/dossier/DossierSlips';
import { ResultDocumentsList } from '../../components/dossier/ResultDocumentsList';
import { workspaceApi, type DossierDetail } from '../../api/workspace-api';
import { SelectField } from '../../components/SelectField';
import { RETURN_CHANNELS, type ReturnChannel } from '../../../../processes/dossier-vocabulary';

const label = { counter: 'returnCounter', post: 'returnPost', online: 'returnOnline' } as const;

interface Props {
  dossier: DossierDetail;
  busy: boolean;
  onReturn(variables: Record<string, unknown>): void;
  onChanged(): void;
}

export function ResultHandOverPanel({ dossier, busy, onReturn, onChanged }: Props) {
  const { t } = useTranslation();
  const [channel, setChannel] = useState<ReturnChannel>(
    RETURN_CHANNELS.find((c) => c === dossier.returnChannel) ?? 'counter',
  );
  const [receiver, setReceiver] = useState('');
  const [touched, setTouched] = useState(false);
  const [documentName, setDocumentName] = useState('');
  const [uploading, setUploading] = useState(false);
  const [uploadNote, setUploadNote] = useState<{ ok: boolean; text: string } | null>(null);
  const resultDocuments = dossier.result?.documents ?? [];
  const receiverRequired = channel !== 'online';
  const receiverMissing = receiverRequired && !receiver.trim();

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    if (!files.length) return;
    setUploading(true);
    setUploadNote(null);
    const name = documentName.trim() || files[0]!.name;
    try {
      await workspaceApi.uploadResultDocument(dossier.code, name, files);
      setUploadNote({ ok: true, text: t('ws.task.uploaded', { name }) });
      setDocumentName('');
      onChanged();
    } catch (error) {
      setUploadNote({ ok: false, text: error instanceof ApiFailure ? error.message : String(error) });
    } finally {
      setUploading(false);
    }
  };

  const handOver = () => {
    setTouched(true);
    if (receiverMissing) return;
    const who = receiver.trim();
    onReturn({
      decision: 'approve',
      returnChannel: channel,
      ...(who ? { receivedBy: channel === 'post' ? `Bưu gửi số ${who}` : who } : {}),
    });
  };

  return (
    <Stack spacing={2} data-testid="hand-over">
      <Typography variant="subtitle1" component="h3">
        {t('ws.task.resultDocuments')}
      </Typography>
      {resultDocuments.length > 0 && (
        <ResultDocumentsList code={dossier.code} documents={resultDocuments} testId="result-documents" />
      )}
      <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2, alignItems: { sm: 'center' } }}>
        <TextField
          id="result-document-name"
          size="small"
          label={t('ws.task.resultDocumentName')}
          placeholder={t('ws.task.resultDocumentExample')}
          value={documentName}
          onChange={(e) => setDocumentName(e.target.value)}
          sx={{ minWidth: 320 }}
        />
        <Button component="label" variant="outlined" disabled={uploading}>
          {t('ws.task.uploadResult')}
          <input
            hidden
            type="file"
            multiple
            accept="application/pdf,image/jpeg,image/png"
            data-testid="result-file"
            onChange={(e) => void upload(e)}
          />
        </Button>
      </Stack>
      {uploadNote && (
        <Alert severity={uploadNote.ok ? 'success' : 'error'} role={uploadNote.ok ? 'status' : 'alert'}>
          {uploadNote.text}
        </Alert>
      )}
      <Divider />
      <Typography variant="subtitle1" component="h3">
        {t('ws.task.printSlips')}
      </Typography>
      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }} data-testid="print-slips">
        <Link
          href={`/api/dossiers/${encodeURIComponent(dossier.code)}/control-slip.pdf`}
          target="_blank"
          rel="noopener"
        >
          {t('ws.task.controlSlip')}
        </Link>
      </Stack>
      <DossierSlips code={dossier.code} slips={dossier.slips ?? []} />
      <Divider />
      <SelectField
        id="return-channel"
        label={t('ws.intake.returnChannel')}
        value={channel}
        options={RETURN_CHANNELS}
        optionLabel={(c) => t(`ws.intake.${label[c]}`)}
        onChange={setChannel}
      />
      {receiverRequired && (
        <TextField
          id="return-receiver"
          required
          label={channel === 'post' ? t('ws.task.postTracking') : t('ws.task.receiverName')}
          helperText={
            touched && receiverMissing
              ? t(channel === 'post' ? 'ws.task.postTrackingRequired' : 'ws.task.receiverRequired')
              : channel === 'counter'
                ? t('ws.task.receiverHelp')
                : undefined
          }
          error={touched && receiverMissing}
          value={receiver}
          onChange={(e) => setReceiver(e.target.value)}
          onBlur={() => setTouched(true)}
        />
      )}
      <Button variant="contained" disabled={busy} sx={{ alignSelf: 'flex-start' }} onClick={handOver}>
        {t('ws.task.handOver')}
      </Button>
    </Stack>
  );
}
