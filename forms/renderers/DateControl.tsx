// Dates typed and shown as dd/MM/yyyy, stored as ISO yyyy-MM-dd (what the schema's format: date checks).
import { useEffect, useState } from 'react';
import { withJsonFormsControlProps } from '@jsonforms/react';
import type { ControlProps } from '@jsonforms/core';
import TextField from '@mui/material/TextField';
import { displayToIsoDate, isoToDisplayDate } from './formats';

export function DateControl({
  data,
  handleChange,
  path,
  label,
  errors,
  required,
  enabled,
  visible,
  id,
  description,
}: ControlProps) {
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
        handleChange(path, displayToIsoDate(e.target.value));
      }}
    />
  );
}

export default withJsonFormsControlProps(DateControl);
