// The light input of a declaration form's text, number and integer fields: what a standard MUI TextField is made of
// (FormControl, InputLabel, Input, and a FormHelperText only when there is something to say), the same variant and
// margins as the project's own controls (forms/renderers), instead of JSON Forms' material control, which adds an
// OutlinedInput with its notched outline, a hidden clear button with its ripple and icon, two helper lines and a
// Grid cell per field: about half the MUI components, styled instances and DOM nodes per field.
//
// Behaviour kept from the material control: the input's id is the control id + "-input" (what tests and the
// counter's field lookups use), the label names the input, a required field shows MUI's asterisk, errors show
// under the field (when touched-errors.tsx lets them through), a description shows while the field has focus,
// typing is debounced by 300 ms and flushed when the field is left, and a disabled form renders disabled inputs.
import { memo, useMemo, type ChangeEvent } from 'react';
import { isDescriptionHidden, showAsRequired, type ControlProps } from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { useDebouncedChange, useFocus } from '@jsonforms/material-renderers';
import FormControl from '@mui/material/FormControl';
import FormHelperText from '@mui/material/FormHelperText';
import Input from '@mui/material/Input';
import InputLabel from '@mui/material/InputLabel';

export type InputKind = 'text' | 'number' | 'integer';

interface Options {
  hideRequiredAsterisk?: boolean;
  showUnfocusedDescription?: boolean;
  restrict?: boolean;
  focus?: boolean;
}

const textValue = (event: ChangeEvent<HTMLInputElement>) =>
  event.target.value === '' ? undefined : event.target.value;
const numberValue = (event: ChangeEvent<HTMLInputElement>) =>
  event.target.value === '' ? undefined : parseFloat(event.target.value);
const integerValue = (event: ChangeEvent<HTMLInputElement>) =>
  event.target.value === '' ? undefined : parseInt(event.target.value, 10);
const toValue = { text: textValue, number: numberValue, integer: integerValue };

const numberInput = { step: '0.1' };
const integerInput = { step: '1' };

function InputControlView(props: ControlProps & { kind: InputKind }) {
  const { kind, id, data, path, handleChange, label, required, errors, description, enabled, visible } =
    props;
  const [focused, onFocus, onBlur] = useFocus();
  const [value, onChange] = useDebouncedChange(
    handleChange,
    '',
    data,
    path,
    toValue[kind],
    undefined,
    true,
    focused,
  );
  const options = useMemo(
    () => ({ ...props.config, ...props.uischema.options }) as Options,
    [props.config, props.uischema.options],
  );
  const maxLength = (props.schema as { maxLength?: number }).maxLength;
  const restrictTo = options.restrict ? maxLength : undefined;
  // Attributes of the <input> itself (Input hands unknown props to its wrapper div).
  const htmlInput = useMemo(
    () => ({
      ...(kind === 'number' ? numberInput : kind === 'integer' ? integerInput : undefined),
      ...(restrictTo !== undefined ? { maxLength: restrictTo } : undefined),
      'aria-required': required || undefined,
    }),
    [kind, restrictTo, required],
  );
  if (!visible) return null;
  const invalid = errors !== '';
  const showDescription = !isDescriptionHidden(
    visible,
    description,
    focused,
    options.showUnfocusedDescription ?? false,
  );
  const inputId = `${id}-input`;
  const helperId = `${id}-helper`;
  // On the label, not the FormControl: that would also set the input's native `required`, and a browser form
  // submit would then stop at the first empty field instead of showing the form's own errors.
  const asterisk = showAsRequired(required ?? false, options.hideRequiredAsterisk ?? false);
  const helper = invalid ? errors : showDescription ? description : undefined;
  return (
    <FormControl
      id={id}
      className="motcua-field"
      variant="standard"
      margin="dense"
      fullWidth
      error={invalid}
      disabled={!enabled}
      focused={focused}
      onFocus={onFocus}
      onBlur={onBlur}
    >
      <InputLabel htmlFor={inputId} required={asterisk}>
        {label}
      </InputLabel>
      <Input
        id={inputId}
        type={kind === 'text' ? 'text' : 'number'}
        value={value}
        onChange={onChange}
        autoFocus={options.focus}
        inputProps={htmlInput}
        aria-describedby={helper ? helperId : undefined}
        fullWidth
      />
      {helper && <FormHelperText id={helperId}>{helper}</FormHelperText>}
    </FormControl>
  );
}

const InputControl = memo(InputControlView);

const bound = (kind: InputKind) =>
  withJsonFormsControlProps(function LightInput(props: ControlProps) {
    return <InputControl {...props} kind={kind} />;
  });

export const TextInputControl = bound('text');
export const NumberInputControl = bound('number');
export const IntegerInputControl = bound('integer');
