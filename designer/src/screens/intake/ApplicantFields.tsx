// Applicant fields at the counter; errors appear once a field is touched or after a submit attempt.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import { applicantErrors, type ApplicantInput } from './applicant';

interface Props {
  value: ApplicantInput;
  onChange(next: ApplicantInput): void;
  showAll: boolean;
}

const fields: { key: keyof ApplicantInput; label: string; size: number; required?: boolean }[] = [
  { key: 'name', label: 'ws.intake.name', size: 4, required: true },
  { key: 'idNumber', label: 'ws.intake.idNumber', size: 3, required: true },
  { key: 'phone', label: 'ws.intake.phone', size: 2 },
  { key: 'email', label: 'ws.intake.email', size: 3 },
  { key: 'address', label: 'ws.intake.address', size: 12 },
];

export function ApplicantFields({ value, onChange, showAll }: Props) {
  const { t } = useTranslation();
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const errors = applicantErrors(value, t);
  return (
    <Grid container spacing={2}>
      {fields.map((f) => {
        const error = showAll || touched.has(f.key) ? errors[f.key] : undefined;
        return (
          <Grid key={f.key} size={{ xs: 12, md: f.size }}>
            <TextField
              fullWidth
              size="small"
              id={`applicant-${f.key}`}
              label={t(f.label)}
              required={!!f.required}
              value={value[f.key]}
              error={!!error}
              helperText={
                error ?? (f.key === 'idNumber' && value.idNumber && !errors.idNumber ? t('ws.cccd.ok') : ' ')
              }
              slotProps={f.key === 'idNumber' ? { htmlInput: { inputMode: 'numeric', maxLength: 12 } } : {}}
              onChange={(e) => onChange({ ...value, [f.key]: e.target.value })}
              onBlur={() => setTouched(new Set(touched).add(f.key))}
            />
          </Grid>
        );
      })}
    </Grid>
  );
}
