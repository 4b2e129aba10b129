// The procedure version's dossier components: what the counter received, and whether as an original.
import { useTranslation } from 'react-i18next';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { DossierComponent } from '../api/types';

export type Received = Record<string, { received: boolean; original: boolean }>;

interface Props {
  components: DossierComponent[];
  value: Received;
  onChange(next: Received): void;
}

export function ComponentsChecklist({ components, value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Stack data-testid="components-checklist">
      {components.map((c) => {
        const state = value[c.id] ?? { received: false, original: c.originals !== 0 };
        return (
          <Stack key={c.id} direction="row" sx={{ alignItems: 'center', gap: 2 }}>
            <FormControlLabel
              sx={{ flexGrow: 1 }}
              control={
                <Checkbox
                  checked={state.received}
                  onChange={(e) => onChange({ ...value, [c.id]: { ...state, received: e.target.checked } })}
                />
              }
              label={
                <span>
                  {c.name}
                  {c.required && (
                    <Typography component="span" variant="caption" color="error" sx={{ ml: 1 }}>
                      ({t('ws.intake.componentRequired')})
                    </Typography>
                  )}
                </span>
              }
            />
            <FormControlLabel
              control={
                <Checkbox
                  size="small"
                  disabled={!state.received}
                  checked={state.original}
                  onChange={(e) => onChange({ ...value, [c.id]: { ...state, original: e.target.checked } })}
                />
              }
              label={t('ws.intake.original')}
              slotProps={{ typography: { variant: 'body2' } }}
            />
          </Stack>
        );
      })}
    </Stack>
  );
}
