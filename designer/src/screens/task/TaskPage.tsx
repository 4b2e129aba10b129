// One task: the dossier's applicant and declaration (read-only), its documents in a viewer, and the decision the
// process routes on (read from the published model, with the inter-agency transfer its approve path makes) —
// or, for HandOverResult, the result documents, slips and how the result was returned. Claims first when the
// task is still the group's; the assignee (or a leader) can hand it back. A task done elsewhere answers 409 with
// the server's message, shown as is.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ApiFailure } from '../../api/api-client';
import { useAuth } from '../../auth/auth-context';
import { DeclarationForm } from '../../components/declaration/DeclarationForm';
import { DeclarationFormPending } from '../../components/declaration/DeclarationFormPending';
import { DossierDocumentsPanel } from '../../components/dossier/DossierDocumentsPanel';
import { elementName, taskPaths, type TaskPaths } from './task-paths';
import { ResultHandOverPanel } from './ResultHandOverPanel';
import { ProcessHealthChip } from '../../components/dossier/ProcessHealthChip';
import { StatusChip } from '../../components/dossier/StatusChip';
import { useProcedureModel } from '../../components/dossier/use-procedure-model';
import { TaskDecisionPanel } from './TaskDecisionPanel';
import { useDeclarationForm } from '../../components/declaration/use-declaration-form';
import { formatDateTime, workspaceApi, type DossierDetail, type Task } from '../../api/workspace-api';

const ignore = () => undefined;
// MUI greys disabled fields to 38% black, below AA contrast; a read-only declaration is meant to be read.
const readableWhenDisabled = {
  '& .Mui-disabled, & .MuiFormLabel-root, & .MuiFormHelperText-root': {
    color: 'rgba(0, 0, 0, 0.7) !important',
    WebkitTextFillColor: 'rgba(0, 0, 0, 0.7) !important',
  },
} as const;

export function TaskPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user, hasRole } = useAuth();
  const navigate = useNavigate();
  const [task, setTask] = useState<Task | null>(null);
  const [dossier, setDossier] = useState<DossierDetail | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const fail = (error: unknown) => setProblem(error instanceof ApiFailure ? error.message : String(error));
  const load = useCallback(() => {
    workspaceApi
      .tasks(false)
      .then(({ items }) => {
        const found = items.find((x) => x._id === id);
        if (!found) return setProblem(t('ws.task.gone'));
        setTask(found);
        return workspaceApi.dossier(found.dossierCode).then(setDossier);
      })
      .catch(fail);
  }, [id, t]);
  useEffect(load, [load]);

  const bpmnXml = useProcedureModel(dossier?.procedure.code, dossier?.procedure.version);
  const paths = useMemo<TaskPaths | undefined>(
    () => (bpmnXml && task ? taskPaths(bpmnXml, task.bpmnProcessId, task.elementId) : undefined),
    [bpmnXml, task],
  );
  const stepName =
    (bpmnXml && task ? elementName(bpmnXml, task.bpmnProcessId, task.elementId) : undefined) ?? task?.name;
  const reloadDossier = () => {
    if (task) workspaceApi.dossier(task.dossierCode).then(setDossier).catch(fail);
  };

  const { formId, formVersion } = dossier?.declaration ?? {};
  const declarationRef = useMemo(
    () => (formId ? { formId, ...(formVersion ? { formVersion } : {}) } : undefined),
    [formId, formVersion],
  );
  const declarationForm = useDeclarationForm(declarationRef);
  const form = declarationForm.state === 'ready' ? declarationForm.form : undefined;

  const act = async (call: () => Promise<unknown>, after: () => void) => {
    setBusy(true);
    setProblem(null);
    try {
      await call();
      after();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };
  const claim = () => void act(() => workspaceApi.claim(id), load);
  const unclaim = () => void act(() => workspaceApi.unclaim(id), load);
  const complete = (variables: Record<string, unknown>) =>
    void act(
      () => workspaceApi.complete(id, variables),
      () => void navigate('/inbox', { state: { notice: t('ws.inbox.done') } }),
    );

  const mine = task?.assignee === user?.username;
  const received = new Set(dossier?.documents.map((d) => d.component));
  return (
    <Stack spacing={2} data-testid="task-page">
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1">
          {stepName ?? t('ws.task.title')}
        </Typography>
        {dossier && <StatusChip status={dossier.status} overdue={dossier.overdue} />}
        {dossier && <ProcessHealthChip health={dossier.processHealth} />}
        {task?.assignee && (mine || hasRole('leader')) && (
          <Button variant="outlined" color="inherit" disabled={busy} onClick={unclaim} sx={{ ml: 'auto' }}>
            {t('ws.task.unclaim')}
          </Button>
        )}
        <Button component={RouterLink} to="/inbox" sx={task?.assignee ? {} : { ml: 'auto' }}>
          {t('ws.task.back')}
        </Button>
      </Stack>
      {problem && (
        <Alert severity="error" role="alert" data-testid="task-problem">
          {problem}
        </Alert>
      )}
      {task && dossier && (
        <>
          <Paper sx={{ p: 2 }}>
            <Typography variant="h6" component="h2">
              <RouterLink to={`/dossiers/${dossier.code}`}>{dossier.code}</RouterLink> —{' '}
              {dossier.procedure.name}
            </Typography>
            <Typography>
              {t('ws.detail.applicant')}: {dossier.applicant.name} ({t('ws.intake.idNumber')}:{' '}
              {dossier.applicant.idNumber})
            </Typography>
            <Typography color="text.secondary">
              {t('ws.dossiers.appointment')}: {formatDateTime(dossier.appointmentAt)} · {t('ws.inbox.due')}:{' '}
              {formatDateTime(task.dueAt)}
            </Typography>
            <Typography color="text.secondary">
              {t('ws.detail.documents')}:{' '}
              {dossier.procedure.components
                .map(
                  (c) =>
                    `${c.name} (${received.has(c.id) ? t('ws.detail.received') : t('ws.detail.notReceived')})`,
                )
                .join('; ')}
            </Typography>
          </Paper>
          <Paper sx={{ p: 2, ...readableWhenDisabled }} data-testid="task-declaration">
            <Typography variant="h6" component="h2">
              {t('ws.intake.declaration')}
            </Typography>
            {form ? (
              <DeclarationForm form={form} data={dossier.declaration.data} onChange={ignore} readonly />
            ) : (
              declarationForm.state !== 'ready' && (
                <DeclarationFormPending state={declarationForm} formRef={declarationRef} />
              )
            )}
          </Paper>
          <DossierDocumentsPanel dossier={dossier} testId="task-documents" />
          <Paper sx={{ p: 2 }} data-testid="task-actions">
            <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
              {task.elementId === 'HandOverResult' ? t('ws.task.returnResult') : t('ws.task.decision')}
            </Typography>
            {!mine ? (
              <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
                <Typography>
                  {task.assignee ? t('ws.task.claimedBy', { name: task.assignee }) : t('ws.task.unclaimed')}
                </Typography>
                <Button variant="contained" disabled={busy} onClick={claim}>
                  {t('ws.inbox.claim')}
                </Button>
              </Stack>
            ) : task.elementId === 'HandOverResult' ? (
              <ResultHandOverPanel
                dossier={dossier}
                busy={busy}
                onReturn={complete}
                onChanged={reloadDossier}
              />
            ) : (
              <TaskDecisionPanel
                components={dossier.procedure.components}
                {...(paths ? { paths } : {})}
                busy={busy}
                onDecide={complete}
                onProblem={setProblem}
              />
            )}
          </Paper>
        </>
      )}
    </Stack>
  );
}
