// Dates typed and shown as dd/MM/yyyy, stored as ISO yyyy-MM-dd (what the schema's format: date checks).
import { useEffect, useState } from 'react';
import { withJsonFormsControlProps } from '@jsonforms/react';
import type { ControlProps } from '@jsonforms/core';
import TextField from '@mui/material/TextField';
import { dateInWords } from '../date-in-words';
import { displayToIsoDate, isoToDisplayDate } from './formats';

/**
 * options.wordsField names a sibling that receives the date in words (the official birth form asks for both),
 * e.g. { "wordsField": "birthDateInWords" }.
 */
export function DateControl(props: ControlProps) {
  const { data, handleChange, path, label, errors, required, enabled, visible, id, description, uischema } =
    props;
  const wordsField = (uischema.options as { wordsField?: string } | undefined)?.wordsField;
  const [text, setText] = useState(isoToDisplayDate(data));
  // Follow outside changes (reset, prefill) without fighting the user's typing.
  useEffect(() => {
    if (displayToIsoDate(text) !== data) setText(isoToDisplayDate(data));
  }, [data]);
  if (!visible) return null;
  return (
    <TextField
      id={id}
      label={label}
      required={required}
      disabled={!enabled}
      value={text}
      placeholder="dd/MM/yyyy"
      error={errors !== ''}
      helperText={errors !== '' ? errors : (description ?? 'Ngày/tháng/năm, ví dụ 02/09/2025')}
      fullWidth
      margin="dense"
      variant="standard"
      slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 10, autoComplete: 'off' } }}
      onChange={(e) => {
        setText(e.target.value);
        const iso = displayToIsoDate(e.target.value);
        handleChange(path, iso);
        const words = iso ? dateInWords(iso) : undefined;
        if (wordsField && words) handleChange(path.replace(/[^.]+$/, wordsField), words);
      }}
    />
  );
}

export default withJsonFormsControlProps(DateControl);
