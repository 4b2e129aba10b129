// What stands in the declaration's place while its form version loads, when it could not be loaded, or when the
// procedure has none.
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type { DeclarationFormState, FormRef } from './use-declaration-form';

export function DeclarationFormPending({
  state,
  formRef,
}: {
  state: Exclude<DeclarationFormState, { state: 'ready' }>;
  formRef: FormRef | undefined;
}) {
  const { t } = useTranslation();
  if (state.state === 'loading') return <LinearProgress aria-label={t('ws.intake.declaration')} />;
  if (state.state === 'failed') {
    return (
      <Alert severity="error" data-testid="declaration-form-failed">
        {t('ws.intake.formLoadFailed', {
          formId: formRef?.formId,
          version: formRef?.formVersion,
          message: (state.error as Error).message,
        })}
      </Alert>
    );
  }
  return <Typography color="text.secondary">{t('ws.intake.noForm')}</Typography>;
}
