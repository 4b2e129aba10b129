// The decision on a review/sign task: approve, ask for a supplement (which components, why) or refuse (why).
// Reasons are required before the request goes out; the server's 409 (task done elsewhere) is shown as is.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';

type Mode = 'none' | 'supplement' | 'refuse';

interface Props {
  components: { id: string; name: string }[];
  busy: boolean;
  onDecide(variables: Record<string, unknown>): void;
  onProblem(message: string): void;
}

export function TaskDecisionPanel({ components, busy, onDecide, onProblem }: Props) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('none');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string[]>([]);

  const send = () => {
    if (!reason.trim()) return onProblem(t('ws.task.reasonRequired'));
    if (mode === 'refuse') return onDecide({ decision: 'refuse', refusalReason: reason.trim() });
    if (!missing.length) return onProblem(t('ws.task.componentsRequired'));
    onDecide({ decision: 'supplement', supplementReason: reason.trim(), missingComponents: missing });
  };

  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
        <Button
          variant="contained"
          color="success"
          disabled={busy}
          onClick={() => onDecide({ decision: 'approve' })}
        >
          {t('ws.task.approve')}
        </Button>
        <Button
          variant={mode === 'supplement' ? 'contained' : 'outlined'}
          onClick={() => setMode('supplement')}
        >
          {t('ws.task.supplement')}
        </Button>
        <Button
          variant={mode === 'refuse' ? 'contained' : 'outlined'}
          color="error"
          onClick={() => setMode('refuse')}
        >
          {t('ws.task.refuse')}
        </Button>
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
            label={mode === 'refuse' ? t('ws.task.refusalReason') : t('ws.task.supplementReason')}
            required
            multiline
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <Button variant="contained" disabled={busy} onClick={send} sx={{ alignSelf: 'flex-start' }}>
            {mode === 'refuse' ? t('ws.task.sendRefusal') : t('ws.task.sendSupplement')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}
