// The decision on a review/sign task: the decisions the process routes on after this task (read from its
// published model; approve, supplement and refuse when the model is not at hand). Approve is named "approve and
// transfer" when the model's approve path hands the dossier to partner agencies (liên thông), with the targets;
// the models transfer only by that path, so there is no free choice of agency. Supplement (which components,
// why), refuse (why) and return to the previous step (why) need a reason before the request goes out; the
// server's 409 (task done elsewhere) is shown as is.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { TaskPaths } from './task-paths';
import type { Decision } from '../../api/workspace-api';

type Mode = 'none' | 'supplement' | 'refuse' | 'return';

const fallback: Decision[] = ['approve', 'supplement', 'refuse'];

interface Props {
  components: { id: string; name: string }[];
  paths?: TaskPaths;
  busy: boolean;
  onDecide(variables: Record<string, unknown>): void;
  onProblem(message: string): void;
}

export function TaskDecisionPanel({ components, paths, busy, onDecide, onProblem }: Props) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('none');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const offered = new Set(paths?.decisions.length ? paths.decisions : fallback);
  const transfers = paths?.transfers ?? [];
  const laterTransfers = paths?.laterTransfers ?? [];

  const send = () => {
    if (!reason.trim()) return onProblem(t('ws.task.reasonRequired'));
    if (mode === 'refuse') return onDecide({ decision: 'refuse', refusalReason: reason.trim() });
    if (mode === 'return') return onDecide({ decision: 'return', returnReason: reason.trim() });
    if (!missing.length) return onProblem(t('ws.task.componentsRequired'));
    onDecide({ decision: 'supplement', supplementReason: reason.trim(), missingComponents: missing });
  };
  const reasonLabel = {
    none: '',
    refuse: t('ws.task.refusalReason'),
    supplement: t('ws.task.supplementReason'),
    return: t('ws.task.returnReason'),
  }[mode];
  const sendLabel = {
    none: '',
    refuse: t('ws.task.sendRefusal'),
    supplement: t('ws.task.sendSupplement'),
    return: t('ws.task.sendReturn'),
  }[mode];

  return (
    <Stack spacing={2}>
      {transfers.length > 0 && (
        <Alert severity="info" data-testid="transfer-note">
          {t('ws.task.transferNote', { targets: transfers.join('; ') })}
        </Alert>
      )}
      {transfers.length === 0 && laterTransfers.length > 0 && (
        <Alert severity="info" data-testid="transfer-note">
          {t('ws.task.transferNoteNext', { targets: laterTransfers.join('; ') })}
        </Alert>
      )}
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
        {offered.has('approve') && (
          <Button
            variant="contained"
            color="success"
            disabled={busy}
            onClick={() => onDecide({ decision: 'approve' })}
          >
            {transfers.length ? t('ws.task.transfer') : t('ws.task.approve')}
          </Button>
        )}
        {offered.has('supplement') && (
          <Button
            variant={mode === 'supplement' ? 'contained' : 'outlined'}
            onClick={() => setMode('supplement')}
          >
            {t('ws.task.supplement')}
          </Button>
        )}
        {offered.has('return') && (
          <Button variant={mode === 'return' ? 'contained' : 'outlined'} onClick={() => setMode('return')}>
            {t('ws.task.returnBack')}
          </Button>
        )}
        {offered.has('refuse') && (
          <Button
            variant={mode === 'refuse' ? 'contained' : 'outlined'}
            color="error"
            onClick={() => setMode('refuse')}
          >
            {t('ws.task.refuse')}
          </Button>
        )}
      </Stack>
      {mode !== 'none' && (
        <Stack spacing={2} data-testid={`decision-${mode}`}>
          {mode === 'supplement' && (
            <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
              <Typography component="legend">{t('ws.task.missingComponents')}</Typography>
              <FormGroup>
                {components.map((c) => (
                  <FormControlLabel
                    key={c.id}
                    label={c.name}
                    control={
                      <Checkbox
                        checked={missing.includes(c.id)}
                        onChange={(e) =>
                          setMissing(
                            e.target.checked ? [...missing, c.id] : missing.filter((m) => m !== c.id),
                          )
                        }
                      />
                    }
                  />
                ))}
              </FormGroup>
            </fieldset>
          )}
          <TextField
            id="decision-reason"
            label={reasonLabel}
            required
            multiline
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <Button variant="contained" disabled={busy} onClick={send} sx={{ alignSelf: 'flex-start' }}>
            {sendLabel}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}
