// The declaration form a dossier or a published procedure version names, exactly that version: shipped versions
// come from the bundle; a version saved from the form editor is fetched with its validators (a module the server
// generates, since the page's CSP forbids compiling schemas here).
import { useEffect, useState } from 'react';
import { getForm } from '../../../../forms/registry';
import type { FormDefinition } from '../../../../forms/types';
import { loadValidatorModule } from '../../../../forms/validation/validator-modules';
import { api } from '../../api/api-client';

export interface FormRef {
  formId: string;
  formVersion?: string;
}

export type DeclarationFormState =
  | { state: 'none' }
  | { state: 'loading' }
  | { state: 'ready'; form: FormDefinition }
  | { state: 'failed'; error: unknown };

const designed = new Map<string, Promise<FormDefinition>>();

function loadDesigned(formId: string, version: string): Promise<FormDefinition> {
  const key = `${formId}@${version}`;
  let loading = designed.get(key);
  if (!loading) {
    const path = `/api/designer/forms/${encodeURIComponent(formId)}/${encodeURIComponent(version)}`;
    loading = Promise.all([
      api<FormDefinition>('GET', path),
      loadValidatorModule(`${path}/validators.js`),
    ]).then(([form]) => form);
    loading.catch(() => designed.delete(key));
    designed.set(key, loading);
  }
  return loading;
}

export function useDeclarationForm(ref: FormRef | undefined): DeclarationFormState {
  const formId = ref?.formId;
  const version = ref?.formVersion;
  const shipped = formId ? (version ? getForm(formId, version) : getForm(formId)) : undefined;
  const [loaded, setLoaded] = useState<{ key: string; result: DeclarationFormState }>();
  const key = `${formId}@${version}`;

  useEffect(() => {
    if (!formId || !version || shipped) return;
    let current = true;
    loadDesigned(formId, version).then(
      (form) => current && setLoaded({ key, result: { state: 'ready', form } }),
      (error: unknown) => current && setLoaded({ key, result: { state: 'failed', error } }),
    );
    return () => {
      current = false;
    };
  }, [formId, version, shipped, key]);

  if (!formId) return { state: 'none' };
  if (shipped) return { state: 'ready', form: shipped };
  return loaded?.key === key ? loaded.result : { state: 'loading' };
}
