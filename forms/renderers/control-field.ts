// What every text control of ours hands to its MUI TextField from the JSON Forms control props: id, label,
// required, enabled, the error in place of the help text, and the form's dense standard look.
import type { ControlProps } from '@jsonforms/core';

export function controlFieldProps(
  { id, label, required, enabled, errors }: ControlProps,
  help: string | undefined,
) {
  return {
    id,
    label,
    required,
    disabled: !enabled,
    error: errors !== '',
    helperText: errors !== '' ? errors : help,
    fullWidth: true,
    margin: 'dense',
    variant: 'standard',
  } as const;
}
