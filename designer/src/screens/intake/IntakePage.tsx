// Counter intake: pick a published procedure, enter the applicant (CCCD checked), fill the declaration form,
// tick the components received and upload or scan their files, submit (the dossier, then its files); then hand
// over the code, the lookup secret, the appointment and the receipt slip. The declaration must be complete: the
// intake worker sends a dossier with an incomplete one to the supplement path instead of processing.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { ApiFailure } from '../../api/api-client';
import type { Procedure, ProcedureSummary } from '../../api/types';
import { validateDeclaration } from '../../../../forms/validation';
import { ApplicantFields } from './ApplicantFields';
import { applicantBody, applicantErrors, emptyApplicant } from './applicant';
import { ComponentsChecklist, releaseFiles, type Received } from './ComponentsChecklist';
import { DeclarationForm } from '../../components/declaration/DeclarationForm';
import { DeclarationFormPending } from '../../components/declaration/DeclarationFormPending';
import { ReceiptCard } from './ReceiptCard';
import { useDeclarationForm } from '../../components/declaration/use-declaration-form';
import { uploadDocuments, type PendingUpload, type UploadOutcome } from './intake-api';
import { workspaceApi, type DossierDetail, type Submission } from '../../api/workspace-api';

const newKey = () => `counter-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;

export function IntakePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<ProcedureSummary[]>([]);
  const [procedure, setProcedure] = useState<Procedure | null>(null);
  const [applicant, setApplicant] = useState(emptyApplicant);
  const [data, setData] = useState<Record<string, unknown>>({});
  const [received, setReceived] = useState<Received>({});
  const [queueTicket, setQueueTicket] = useState('');
  const [returnChannel, setReturnChannel] = useState<Submission['returnChannel']>('counter');
  const [attempted, setAttempted] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{
    dossier: DossierDetail;
    secret: string;
    uploads: UploadOutcome;
  } | null>(null);
  const idempotencyKey = useRef(newKey());

  useEffect(() => {
    const timer = setTimeout(() => {
      workspaceApi
        .procedures(query)
        .then((page) => setOptions(page.items))
        .catch(() => setOptions([]));
    }, 250);
    return () => clearTimeout(timer);
  }, [query]);

  const version = procedure?.versions.find((v) => v.version === procedure.publishedVersion);
  const formRef = version?.forms[0];
  const declarationForm = useDeclarationForm(formRef);
  const form = declarationForm.state === 'ready' ? declarationForm.form : undefined;
  const declarationErrors = form ? validateDeclaration(form, data, { lang }).errors : [];

  const choose = (summary: ProcedureSummary | null) => {
    setProcedure(null);
    setData({});
    releaseFiles(received);
    setReceived({});
    setProblem(null);
    if (summary) void workspaceApi.procedure(summary.code).then(setProcedure);
  };

  const reset = () => {
    setResult(null);
    setApplicant(emptyApplicant);
    setData({});
    releaseFiles(received);
    setReceived({});
    setQueueTicket('');
    setAttempted(false);
    idempotencyKey.current = newKey();
  };

  const submit = async () => {
    if (!procedure || !version) return;
    setAttempted(true);
    setProblem(null);
    const missing = version.components.find((c) => c.required && !received[c.id]?.received);
    const applicantProblems = Object.values(applicantErrors(applicant, t));
    const formProblems = declarationErrors.length;
    if (applicantProblems.length + formProblems > 0) {
      setProblem(t('ws.intake.fixErrors', { count: applicantProblems.length + formProblems }));
      return;
    }
    if (missing) {
      setProblem(t('ws.intake.missingComponent', { name: missing.name }));
      return;
    }
    const receivedComponents = version.components.filter((c) => received[c.id]?.received);
    const pending: PendingUpload[] = receivedComponents.flatMap((c) =>
      received[c.id]!.files.map((local) => ({ component: c.id, local })),
    );
    setBusy(true);
    try {
      const answer = await workspaceApi.submit({
        procedureCode: procedure.code,
        channel: 'counter',
        applicant: applicantBody(applicant),
        declaration: { data },
        documents: receivedComponents.map((c) => ({ component: c.id, original: received[c.id]!.original })),
        returnChannel,
        ...(queueTicket.trim() ? { queueTicket: queueTicket.trim() } : {}),
        idempotencyKey: idempotencyKey.current,
      });
      // The files need the dossier's code, so they follow the dossier; a failed one is offered again on the receipt.
      const uploads = await uploadDocuments(answer.dossier.code, pending, lang);
      setResult({ dossier: answer.dossier, secret: answer.receiptSecret, uploads });
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      const fields = error.fields.map((f) => `${f.path}: ${f.message}`).join('; ');
      setProblem(fields ? `${error.message} (${fields})` : error.message);
    } finally {
      setBusy(false);
    }
  };

  if (result) {
    return (
      <ReceiptCard
        dossier={result.dossier}
        secret={result.secret}
        uploads={result.uploads}
        components={version?.components ?? []}
        onNext={reset}
      />
    );
  }

  return (
    <Stack spacing={2} sx={{ maxWidth: 1100 }}>
      <Typography variant="h5" component="h1">
        {t('ws.intake.title')}
      </Typography>
      <Autocomplete
        options={options}
        filterOptions={(x) => x}
        getOptionLabel={(p) => `${p.code} — ${lang === 'en' && p.names.en ? p.names.en : p.names.vi}`}
        isOptionEqualToValue={(a, b) => a.code === b.code}
        onInputChange={(_e, value, reason) => reason === 'input' && setQuery(value)}
        onChange={(_e, value) => choose(value)}
        renderInput={(params) => <TextField {...params} size="small" label={t('ws.intake.procedure')} />}
        data-testid="procedure-picker"
      />
      {procedure && version && (
        <>
          <Paper sx={{ p: 2 }}>
            <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
              {t('ws.intake.applicant')}
            </Typography>
            <ApplicantFields value={applicant} onChange={setApplicant} showAll={attempted} />
            <Stack direction="row" sx={{ gap: 2 }}>
              <TextField
                size="small"
                id="queue-ticket"
                label={t('ws.intake.queueTicket')}
                value={queueTicket}
                onChange={(e) => setQueueTicket(e.target.value)}
              />
              <TextField
                select
                size="small"
                id="return-channel"
                label={t('ws.intake.returnChannel')}
                value={returnChannel}
                onChange={(e) => setReturnChannel(e.target.value as Submission['returnChannel'])}
                sx={{ minWidth: 240 }}
              >
                <MenuItem value="counter">{t('ws.intake.returnCounter')}</MenuItem>
                <MenuItem value="post">{t('ws.intake.returnPost')}</MenuItem>
                <MenuItem value="online">{t('ws.intake.returnOnline')}</MenuItem>
              </TextField>
            </Stack>
          </Paper>
          <Paper sx={{ p: 2 }}>
            <Typography variant="h6" component="h2">
              {t('ws.intake.declaration')}
            </Typography>
            {form ? (
              <>
                <DeclarationForm form={form} data={data} onChange={setData} showAllErrors={attempted} />
                {attempted && declarationErrors.length > 0 && (
                  <Alert severity="warning" data-testid="declaration-errors">
                    {declarationErrors.slice(0, 8).map((e) => (
                      <div key={e.path}>{e.message}</div>
                    ))}
                  </Alert>
                )}
              </>
            ) : (
              declarationForm.state !== 'ready' && (
                <DeclarationFormPending state={declarationForm} formRef={formRef} />
              )
            )}
          </Paper>
          <Paper sx={{ p: 2 }}>
            <Typography variant="h6" component="h2">
              {t('ws.intake.components')}
            </Typography>
            <ComponentsChecklist
              components={version.components}
              value={received}
              // A refusal naming a missing component is stale once the officer changes what was received.
              onChange={(next) => {
                setReceived(next);
                setProblem(null);
              }}
            />
          </Paper>
          {problem && (
            <Alert severity="error" role="alert" data-testid="intake-problem">
              {problem}
            </Alert>
          )}
          <Stack direction="row">
            <Button variant="contained" size="large" disabled={busy} onClick={() => void submit()}>
              {t('ws.intake.submit')}
            </Button>
            {busy && (
              <Typography role="status" sx={{ ml: 2, alignSelf: 'center' }}>
                {t('ws.intake.uploading', {
                  count: Object.values(received).reduce((n, r) => n + (r.received ? r.files.length : 0), 0),
                })}
              </Typography>
            )}
          </Stack>
        </>
      )}
    </Stack>
  );
}
