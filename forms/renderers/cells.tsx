// Table cells (arrays of objects shown as tables) for reference lists, dates and money.
import { memo } from 'react';
import { withJsonFormsCellProps, withTranslateProps } from '@jsonforms/react';
import type { CellProps } from '@jsonforms/core';
import Input from '@mui/material/Input';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import { refOptions, type RefDataName } from '../reference-data';
import { displayToIsoDate, formatVnd, isoToDisplayDate, parseVnd } from './formats';

function RefDataCellView({
  data,
  handleChange,
  path,
  enabled,
  schema,
  isValid,
  id,
  locale,
}: CellProps & { locale?: string }) {
  const lang = locale === 'en' ? 'en' : 'vi';
  const options = refOptions((schema as { refData?: RefDataName }).refData ?? 'provinces', lang);
  return (
    <Select
      id={id}
      variant="standard"
      fullWidth
      disabled={!enabled}
      error={!isValid}
      value={typeof data === 'string' ? data : ''}
      onChange={(e) => handleChange(path, e.target.value === '' ? undefined : e.target.value)}
    >
      <MenuItem value="">—</MenuItem>
      {options.map((o) => (
        <MenuItem key={o.code} value={o.code}>
          {o.label}
        </MenuItem>
      ))}
    </Select>
  );
}

function DateCellView({ data, handleChange, path, enabled, isValid, id }: CellProps) {
  return (
    <Input
      id={id}
      fullWidth
      disabled={!enabled}
      error={!isValid}
      placeholder="dd/MM/yyyy"
      defaultValue={isoToDisplayDate(data)}
      onBlur={(e) => handleChange(path, displayToIsoDate(e.target.value))}
    />
  );
}

function MoneyCellView({ data, handleChange, path, enabled, isValid, id }: CellProps) {
  return (
    <Input
      id={id}
      fullWidth
      disabled={!enabled}
      error={!isValid}
      value={formatVnd(data)}
      endAdornment="đ"
      onChange={(e) => handleChange(path, parseVnd(e.target.value))}
    />
  );
}

// Locale as a prop, not from the context: see RefDataControl.
export const RefDataCell = withJsonFormsCellProps(withTranslateProps(memo(RefDataCellView)));
export const DateCell = withJsonFormsCellProps(DateCellView);
export const MoneyCell = withJsonFormsCellProps(MoneyCellView);
