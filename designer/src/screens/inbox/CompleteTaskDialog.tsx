// Completing a task with a decision from the inbox: only the decisions the model's gateway after the task routes
// on (approve, supplement, refuse when the model is not at hand — a decision no flow takes would stop the
// process with an incident). Refusal, supplement and return need a reason. A stale task (done elsewhere)
// answers 409 with the server's Vietnamese message, shown here as is.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { ApiFailure } from '../../api/api-client';
import { workspaceApi, type Decision, type Task } from '../../api/workspace-api';
import { SelectField } from '../../components/SelectField';

const fallback: Decision[] = ['approve', 'supplement', 'refuse'];

interface Props {
  task: Task;
  /** The decisions the process routes on after this task, from its model. */
  decisions?: Decision[];
  onClose(done: boolean): void;
}

export function CompleteTaskDialog({ task, decisions: offered, onClose }: Props) {
  const decisions = offered?.length ? offered : fallback;
  const { t } = useTranslation();
  const [decision, setDecision] = useState<Decision>('approve');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const needsReason = decision !== 'approve';

  const complete = async () => {
    if (needsReason && !reason.trim()) {
      setProblem(t('ws.inbox.reasonRequired'));
      return;
    }
    const variables: Record<string, unknown> = { decision };
    if (decision === 'refuse') variables.refusalReason = reason.trim();
    if (decision === 'return') variables.returnReason = reason.trim();
    if (decision === 'supplement') {
      variables.supplementReason = reason.trim();
      variables.missingComponents = missing
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    }
    setBusy(true);
    try {
      await workspaceApi.complete(task._id, variables);
      onClose(true);
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      setProblem(error.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={() => onClose(false)} fullWidth maxWidth="sm">
      <DialogTitle>
        {task.name} — {task.dossierCode}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <SelectField
            id="task-decision"
            label={t('ws.inbox.decision')}
            value={decision}
            options={decisions}
            optionLabel={(d) => t(`ws.inbox.${d}`)}
            onChange={setDecision}
          />
          {needsReason && (
            <TextField
              id="task-reason"
              label={t('ws.inbox.reason')}
              required
              multiline
              minRows={2}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
          {decision === 'supplement' && (
            <TextField
              id="task-missing"
              label={t('ws.inbox.missing')}
              value={missing}
              onChange={(e) => setMissing(e.target.value)}
            />
          )}
          {problem && (
            <Alert severity="error" role="alert">
              {problem}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>{t('common.cancel')}</Button>
        <Button variant="contained" disabled={busy} onClick={() => void complete()}>
          {t('ws.inbox.complete')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
