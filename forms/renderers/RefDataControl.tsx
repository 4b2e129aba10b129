// A field bound to a reference list (dân tộc, quốc tịch, tỉnh): searchable select over the official list.
import { memo } from 'react';
import { withJsonFormsControlProps, withTranslateProps } from '@jsonforms/react';
import type { ControlProps } from '@jsonforms/core';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { refOptions, type RefDataName, type RefOption } from '../reference-data';

export function RefDataControl(props: ControlProps & { locale?: string }) {
  const { data, handleChange, path, label, errors, required, enabled, visible, id, schema, description } =
    props;
  const lang = props.locale === 'en' ? 'en' : 'vi';
  const list = (schema as { refData?: RefDataName }).refData ?? 'provinces';
  const options = refOptions(list, lang);
  const selected = options.find((o) => o.code === data) ?? null;
  if (!visible) return null;
  return (
    <Autocomplete<RefOption>
      id={id}
      options={options}
      value={selected}
      disabled={!enabled}
      getOptionLabel={(o) => o.label}
      isOptionEqualToValue={(a, b) => a.code === b.code}
      onChange={(_e, option) => handleChange(path, option?.code)}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          required={required}
          error={errors !== ''}
          helperText={errors !== '' ? errors : description}
          margin="dense"
          variant="standard"
        />
      )}
    />
  );
}

// The locale comes as a prop (withTranslateProps): reading the JSON Forms context here would re-render every
// list field of the form on each keystroke anywhere in it, past the memo.
export default withJsonFormsControlProps(withTranslateProps(memo(RefDataControl)));
