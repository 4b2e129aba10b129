// Amounts in đồng: grouped with dots as Vietnamese write them, stored as an integer.
import { withJsonFormsControlProps } from '@jsonforms/react';
import type { ControlProps } from '@jsonforms/core';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import { formatVnd, parseVnd } from './formats';

export function MoneyControl({
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
  if (!visible) return null;
  return (
    <TextField
      id={id}
      label={label}
      required={required}
      disabled={!enabled}
      value={formatVnd(data)}
      error={errors !== ''}
      helperText={errors !== '' ? errors : description}
      fullWidth
      margin="dense"
      variant="standard"
      slotProps={{
        htmlInput: { inputMode: 'numeric', autoComplete: 'off' },
        input: { endAdornment: <InputAdornment position="end">đ</InputAdornment> },
      }}
      onChange={(e) => handleChange(path, parseVnd(e.target.value))}
    />
  );
}

export default withJsonFormsControlProps(MoneyControl);
