// Số định danh cá nhân: digits only, 12 at most, and what the number says (birthplace, sex, year) as help text.
import { memo } from 'react';
import { withJsonFormsControlProps, withTranslateProps, type TranslateProps } from '@jsonforms/react';
import type { ControlProps } from '@jsonforms/core';
import TextField from '@mui/material/TextField';
import { checkCccd } from '../validation/cccd';
import { controlFieldProps } from './control-field';

export function CccdControl(props: ControlProps & TranslateProps) {
  const { data, handleChange, path, visible, t } = props;
  if (!visible) return null;
  const value = typeof data === 'string' ? data : '';
  const check = value.length === 12 ? checkCccd(value) : undefined;
  const decoded =
    check?.birthplaceName && check.birthYear
      ? t(
          'motcua.cccd.decoded',
          `Đăng ký khai sinh tại ${check.birthplaceName} · ${check.sex === 'nu' ? 'Nữ' : 'Nam'} · sinh năm ${check.birthYear}`,
          { place: check.birthplaceName, sex: check.sex, year: check.birthYear },
        )
      : t('motcua.cccd.help', '12 chữ số trên thẻ căn cước');
  return (
    <TextField
      {...controlFieldProps(props, decoded)}
      value={value}
      slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 12, autoComplete: 'off' } }}
      onChange={(e) => {
        const digits = e.target.value.replace(/\D/g, '').slice(0, 12);
        handleChange(path, digits === '' ? undefined : digits);
      }}
    />
  );
}

// The translator as a prop behind memo, as RefDataControl takes its locale: reading the JSON Forms context here
// would re-render the control on every keystroke anywhere in the form.
export default withJsonFormsControlProps(withTranslateProps(memo(CccdControl)));
