// The declaration-form tab: loads the version's form (shipped or designed), or lets the designer pick one to
// start from, and hands edits up so "save draft" can store them as a new form version.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { listForms, getForm } from '../../../forms/registry';
import type { FormDefinition } from '../../../forms/types';
import { api } from '../api/api-client';
import { FormEditor } from './FormEditor';

export interface FormState {
  form: FormDefinition;
  /** The version the form was loaded as; a changed form is saved as a new version based on it. */
  baseVersion: string;
  dirty: boolean;
}

interface Props {
  formRef: { formId: string; formVersion: string } | undefined;
  state: FormState | null;
  onState(state: FormState): void;
}

export function FormTab({ formRef, state, onState }: Props) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!formRef || state) return;
    api<FormDefinition>('GET', `/api/designer/forms/${formRef.formId}/${formRef.formVersion}`)
      .then((form) => onState({ form, baseVersion: formRef.formVersion, dirty: false }))
      .catch((failure: Error) => setError(failure.message));
  }, [formRef, state, onState]);

  if (error) return <Alert severity="error">{error}</Alert>;
  if (!state)
    return formRef ? (
      <Typography>{t('common.loading')}</Typography>
    ) : (
      <Box sx={{ display: 'grid', gap: 2, maxWidth: 560 }}>
        <Alert severity="info">{t('formEditor.noForm')}</Alert>
        <TextField
          select
          label={t('formEditor.chooseForm')}
          value=""
          onChange={(e) => {
            const form = getForm(e.target.value);
            if (form) onState({ form, baseVersion: form.meta.version, dirty: false });
          }}
          slotProps={{ htmlInput: { 'data-testid': 'choose-form' } }}
        >
          {listForms().map((meta) => (
            <MenuItem key={meta.id} value={meta.id}>
              {meta.title[i18n.language === 'en' ? 'en' : 'vi']} ({meta.version})
            </MenuItem>
          ))}
        </TextField>
      </Box>
    );

  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
        <Typography variant="subtitle1" component="h2">
          {t('formEditor.formVersion', { id: state.form.meta.id, version: state.baseVersion })}
        </Typography>
        {state.dirty && (
          <Chip size="small" color="warning" label={t('formEditor.changed')} data-testid="form-dirty" />
        )}
      </Box>
      <FormEditor form={state.form} onChange={(form) => onState({ ...state, form, dirty: true })} />
    </Box>
  );
}
