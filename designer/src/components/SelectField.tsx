// A select box over a closed list: the options' values and how each is named.
import type { ReactNode } from 'react';
import MenuItem from '@mui/material/MenuItem';
import TextField, { type TextFieldProps } from '@mui/material/TextField';

type FieldProps = Pick<TextFieldProps, 'id' | 'label' | 'size' | 'sx' | 'slotProps' | 'required'>;

interface Props<Value extends string | number> extends FieldProps {
  /** The options give the type; value and the callbacks follow it. */
  options: readonly Value[];
  value: NoInfer<Value>;
  optionLabel(option: NoInfer<Value>): ReactNode;
  onChange(value: NoInfer<Value>): void;
}

export function SelectField<Value extends string | number>({
  value,
  options,
  optionLabel,
  onChange,
  ...field
}: Props<Value>) {
  return (
    <TextField
      select
      {...field}
      value={value}
      onChange={(e) =>
        onChange((typeof value === 'number' ? Number(e.target.value) : e.target.value) as Value)
      }
    >
      {options.map((option) => (
        <MenuItem key={option} value={option}>
          {optionLabel(option)}
        </MenuItem>
      ))}
    </TextField>
  );
}
