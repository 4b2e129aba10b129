// The light input of a declaration form's text, number and integer fields: a FormControl with a FormLabel above
// an InputBase and a helper line only when there is something to say, instead of JSON Forms' material control
// (floating InputLabel, OutlinedInput with its notched outline, a hidden clear button with its ripple, two helper
// lines and a Grid cell per field), so about a third of the MUI components, styled instances and DOM nodes per
// field. The outline comes from one static stylesheet on the form (declarationFormSx), not per field.
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
import FormLabel from '@mui/material/FormLabel';
import InputBase from '@mui/material/InputBase';

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
  // Attributes of the <input> itself (InputBase hands unknown props to its wrapper div).
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
      fullWidth
      error={invalid}
      disabled={!enabled}
      focused={focused}
      onFocus={onFocus}
      onBlur={onBlur}
    >
      <FormLabel htmlFor={inputId} required={asterisk}>
        {label}
      </FormLabel>
      <InputBase
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
