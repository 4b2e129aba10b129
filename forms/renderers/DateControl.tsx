// Dates typed and shown as dd/MM/yyyy, stored as ISO yyyy-MM-dd (what the schema's format: date checks).
import { memo, useEffect, useState } from 'react';
import { withJsonFormsControlProps, withTranslateProps, type TranslateProps } from '@jsonforms/react';
import type { ControlProps } from '@jsonforms/core';
import TextField from '@mui/material/TextField';
import { dateInWords } from '../date-in-words';
import { controlFieldProps } from './control-field';
import { displayToIsoDate, isoToDisplayDate } from './formats';

/**
 * options.wordsField names a sibling that receives the date in words (the official birth form asks for both),
 * e.g. { "wordsField": "birthDateInWords" }.
 */
export function DateControl(props: ControlProps & TranslateProps) {
  const { data, handleChange, path, visible, description, uischema, t } = props;
  const wordsField = (uischema.options as { wordsField?: string } | undefined)?.wordsField;
  const [text, setText] = useState(isoToDisplayDate(data));
  // Follow outside changes (reset, prefill) without fighting the user's typing.
  useEffect(() => {
    if (displayToIsoDate(text) !== data) setText(isoToDisplayDate(data));
  }, [data]);
  if (!visible) return null;
  return (
    <TextField
      {...controlFieldProps(props, description ?? t('motcua.date.help', 'Ngày/tháng/năm, ví dụ 02/09/2025'))}
      value={text}
      placeholder="dd/MM/yyyy"
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

// The translator as a prop behind memo, as RefDataControl takes its locale: reading the JSON Forms context here
// would re-render the control on every keystroke anywhere in the form.
export default withJsonFormsControlProps(withTranslateProps(memo(DateControl)));
