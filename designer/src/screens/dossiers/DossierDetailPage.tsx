// One dossier: status and deadlines, the applicant, components received, slips, the timeline, and where it
// stands on its process diagram.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ApiFailure } from '../../api/api-client';
import { DossierDocumentsPanel } from '../../components/dossier/DossierDocumentsPanel';
import { DossierSlips } from '../../components/dossier/DossierSlips';
import { ResultDocumentsList } from '../../components/dossier/ResultDocumentsList';
import { ProcessDiagram } from '../../components/dossier/ProcessDiagram';
import { ProcessHealthChip } from '../../components/dossier/ProcessHealthChip';
import { StatusChip } from '../../components/dossier/StatusChip';
import { useProcedureModel } from '../../components/dossier/use-procedure-model';
import { formatDateTime, workspaceApi, type DossierDetail } from '../../api/workspace-api';

export function DossierDetailPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const [dossier, setDossier] = useState<DossierDetail | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [openTasks, setOpenTasks] = useState<string[]>([]);

  useEffect(() => {
    workspaceApi
      .dossier(code)
      .then(setDossier)
      .catch((error: unknown) => setProblem(error instanceof ApiFailure ? error.message : String(error)));
    workspaceApi
      .tasks(false)
      .then(({ items }) => setOpenTasks(items.filter((x) => x.dossierCode === code).map((x) => x.elementId)))
      .catch(() => setOpenTasks([]));
  }, [code]);

  const bpmnXml = useProcedureModel(dossier?.procedure.code, dossier?.procedure.version);

  if (problem) return <Alert severity="error">{problem}</Alert>;
  if (!dossier) return null;
  const received = new Map(dossier.documents.map((d) => [d.component, d]));
  return (
    <Stack spacing={2} data-testid="dossier-detail">
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1">
          {dossier.code}
        </Typography>
        <StatusChip status={dossier.status} overdue={dossier.overdue} />
        <ProcessHealthChip health={dossier.processHealth} />
        <Button component={RouterLink} to="/dossiers" sx={{ ml: 'auto' }}>
          {t('ws.detail.back')}
        </Button>
      </Stack>
      {dossier.processHealth?.message && (
        <Alert
          severity={dossier.processHealth.state === 'incident' ? 'error' : 'warning'}
          data-testid="process-health-message"
        >
          {dossier.processHealth.label}
          {dossier.processHealth.elementId ? ` (${dossier.processHealth.elementId})` : ''}:{' '}
          {dossier.processHealth.message}
        </Alert>
      )}
      <Typography>{dossier.procedure.name}</Typography>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <Paper sx={{ p: 2, height: '100%' }}>
            <Typography variant="h6" component="h2">
              {t('ws.detail.applicant')}
            </Typography>
            <Typography>{dossier.applicant.name}</Typography>
            <Typography color="text.secondary">
              {t('ws.intake.idNumber')}: {dossier.applicant.idNumber}
            </Typography>
            {dossier.applicant.phone && (
              <Typography color="text.secondary">{dossier.applicant.phone}</Typography>
            )}
            {dossier.applicant.address && (
              <Typography color="text.secondary">{dossier.applicant.address}</Typography>
            )}
            <Typography sx={{ mt: 1 }}>
              {t('ws.dossiers.submitted')}: {formatDateTime(dossier.submittedAt)}
            </Typography>
            <Typography>
              {t('ws.dossiers.appointment')}: {formatDateTime(dossier.appointmentAt)}
            </Typography>
            <Typography color={dossier.overdue ? 'error' : 'text.primary'}>
              {t('ws.detail.due')}: {formatDateTime(dossier.dueAt)}
            </Typography>
          </Paper>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Paper sx={{ p: 2, height: '100%' }}>
            <Typography variant="h6" component="h2">
              {t('ws.detail.documents')}
            </Typography>
            <List dense>
              {dossier.procedure.components.map((c) => {
                const doc = received.get(c.id);
                const state = doc
                  ? `${t('ws.detail.received')} (${doc.original ? t('ws.detail.original') : t('ws.detail.copy')})`
                  : t('ws.detail.notReceived');
                return (
                  <ListItem key={c.id} disableGutters>
                    <ListItemText
                      primary={c.name}
                      secondary={state}
                      slotProps={{ secondary: { color: doc ? 'success.main' : 'error' } }}
                    />
                  </ListItem>
                );
              })}
            </List>
          </Paper>
        </Grid>
      </Grid>
      <Paper sx={{ p: 2 }}>
        <Typography variant="h6" component="h2">
          {t('ws.task.diagram')}
        </Typography>
        {bpmnXml ? (
          <ProcessDiagram
            xml={bpmnXml}
            taken={dossier.timeline.flatMap((e) => (e.elementId ? [e.elementId] : []))}
            current={openTasks}
            label={t('ws.task.diagram')}
          />
        ) : (
          <Typography color="text.secondary">{t('ws.task.diagramHidden')}</Typography>
        )}
      </Paper>
      <DossierDocumentsPanel dossier={dossier} testId="dossier-documents" />
      <Paper sx={{ p: 2 }}>
        <Typography variant="h6" component="h2">
          {t('ws.task.slips')}
        </Typography>
        <Link
          href={`/api/dossiers/${encodeURIComponent(dossier.code)}/control-slip.pdf`}
          target="_blank"
          rel="noopener"
          sx={{ display: 'inline-block', mt: 1 }}
        >
          {t('ws.task.controlSlip')}
        </Link>
        <DossierSlips code={dossier.code} slips={dossier.slips ?? []} />
        {(dossier.result?.documents.length ?? 0) > 0 && (
          <>
            <Typography variant="subtitle1" component="h3" sx={{ mt: 1 }}>
              {t('ws.task.resultDocuments')}
            </Typography>
            <ResultDocumentsList
              code={dossier.code}
              documents={dossier.result!.documents}
              testId="dossier-result-documents"
            />
          </>
        )}
      </Paper>
      <Paper sx={{ p: 2 }}>
        <Typography variant="h6" component="h2">
          {t('ws.detail.timeline')}
        </Typography>
        <List dense data-testid="timeline">
          {[...dossier.timeline].reverse().map((event, i) => (
            <ListItem key={`${event.at}-${i}`} disableGutters>
              <ListItemText
                primary={`${formatDateTime(event.at)} — ${t(`ws.action.${event.action}`, { defaultValue: event.action })}${event.note ? `: ${event.note}` : ''}`}
                secondary={event.actor.name ?? event.actor.username ?? event.actor.kind}
              />
            </ListItem>
          ))}
        </List>
      </Paper>
    </Stack>
  );
}
