// Số định danh cá nhân: digits only, 12 at most, and what the number says (birthplace, sex, year) as help text.
import { withJsonFormsControlProps } from '@jsonforms/react';
import type { ControlProps } from '@jsonforms/core';
import TextField from '@mui/material/TextField';
import { checkCccd } from '../validation/cccd';

export function CccdControl({
  data,
  handleChange,
  path,
  label,
  errors,
  required,
  enabled,
  visible,
  id,
}: ControlProps) {
  if (!visible) return null;
  const value = typeof data === 'string' ? data : '';
  const check = value.length === 12 ? checkCccd(value) : undefined;
  const decoded =
    check?.birthplaceName && check.birthYear
      ? `Đăng ký khai sinh tại ${check.birthplaceName} · ${check.sex === 'nu' ? 'Nữ' : 'Nam'} · sinh năm ${check.birthYear}`
      : '12 chữ số trên thẻ căn cước';
  return (
    <TextField
      id={id}
      label={label}
      required={required}
      disabled={!enabled}
      value={value}
      error={errors !== ''}
      helperText={errors !== '' ? errors : decoded}
      fullWidth
      margin="dense"
      variant="standard"
      slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 12, autoComplete: 'off' } }}
      onChange={(e) => {
        const digits = e.target.value.replace(/\D/g, '').slice(0, 12);
        handleChange(path, digits === '' ? undefined : digits);
      }}
    />
  );
}

export default withJsonFormsControlProps(CccdControl);
