// Live preview of the form being designed, rendered as applicants and officers will see it (the workspace's
// declaration form, messages in the user's language; the server's refusal is in it too), with its own scratch data. The page's CSP forbids eval,
// so a changed schema is not compiled here: the server generates its validators as a module the preview imports
// (forms/validation/form-module.ts); until they arrive the preview shows the previous version of the form.
import { createContext, memo, useContext, useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import LinearProgress from '@mui/material/LinearProgress';
import type { FormDefinition } from '../../../forms/types';
import { createFormsAjv, precompiledValidator } from '../../../forms/validation';
import { ruleConditionSchemas } from '../../../forms/validation/rule-schemas';
import { loadValidatorModule } from '../../../forms/validation/validator-modules';
import { api, ApiFailure } from '../api/api-client';
import type { ValidatorModuleAnswer } from '../api/types';
import { DeclarationForm } from '../components/declaration/DeclarationForm';

const ajv = createFormsAjv();
/** Edits closer together than this make one request. */
const compileDelayMs = 250;

const hasValidators = (form: FormDefinition) =>
  !!precompiledValidator(form.schema) &&
  [...ruleConditionSchemas(form.uischema).values()].every((schema) => !!precompiledValidator(schema));

async function loadFromServer(form: FormDefinition): Promise<void> {
  const { url } = await api<ValidatorModuleAnswer>('POST', '/api/designer/form-validators', {
    schema: form.schema,
    uischema: form.uischema,
  });
  await loadValidatorModule(url);
}

/** Where a changed form's validators come from: the server; a component test without one provides its own. */
export const ValidatorSource = createContext<(form: FormDefinition) => Promise<void>>(loadFromServer);

export const FormPreview = memo(function FormPreview({ form }: { form: FormDefinition }) {
  const loadValidators = useContext(ValidatorSource);
  const [data, setData] = useState<Record<string, unknown>>({});
  const [shown, setShown] = useState<FormDefinition | undefined>(() =>
    hasValidators(form) ? form : undefined,
  );
  const [problem, setProblem] = useState<string | undefined>();

  useEffect(() => {
    if (hasValidators(form)) {
      setShown(form);
      setProblem(undefined);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      loadValidators(form).then(
        () => {
          if (!current) return;
          setShown(form);
          setProblem(undefined);
        },
        (error: unknown) => {
          if (!current) return;
          const fields = error instanceof ApiFailure ? error.fields.map((f) => f.message) : [];
          setProblem([(error as Error).message, ...fields].join(' — '));
        },
      );
    }, compileDelayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [form, loadValidators]);

  return (
    <>
      {shown !== form && !problem && <LinearProgress data-testid="preview-loading" />}
      {problem && (
        <Alert severity="error" data-testid="preview-problem">
          {problem}
        </Alert>
      )}
      {shown && <DeclarationForm form={shown} data={data} onChange={setData} ajv={ajv} showAllErrors />}
    </>
  );
});
