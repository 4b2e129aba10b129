// Amounts in đồng: grouped with dots as Vietnamese write them, stored as an integer.
import { withJsonFormsControlProps } from '@jsonforms/react';
import type { ControlProps } from '@jsonforms/core';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import { controlFieldProps } from './control-field';
import { formatVnd, parseVnd } from './formats';

export function MoneyControl(props: ControlProps) {
  const { data, handleChange, path, visible, description } = props;
  if (!visible) return null;
  return (
    <TextField
      {...controlFieldProps(props, description)}
      value={formatVnd(data)}
      slotProps={{
        htmlInput: { inputMode: 'numeric', autoComplete: 'off' },
        input: { endAdornment: <InputAdornment position="end">đ</InputAdornment> },
      }}
      onChange={(e) => handleChange(path, parseVnd(e.target.value))}
    />
  );
}

export default withJsonFormsControlProps(MoneyControl);
