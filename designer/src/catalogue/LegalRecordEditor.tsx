// Edits a version's legal record: time limit, fees, required dossier components, online service level.
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import { FEE_COLLECTION_POINTS, ONLINE_LEVELS } from '../../../processes/procedure-vocabulary';
import { timeLimitUnits, type TimeLimitUnit } from '../../../processes/calendar/due-date';
import type { DossierComponent, Fee } from '../api/types';
import { EditableTable, type EditableColumn } from '../components/EditableTable';
import { SelectField } from '../components/SelectField';
import { validateRecord, type LegalRecord } from './legal-record';

/** The calendar's units but same-day, which the editor does not offer (nor label) yet. */
const units = timeLimitUnits.filter(
  (unit): unit is Exclude<TimeLimitUnit, 'same-day'> => unit !== 'same-day',
);
/** An empty box is NaN, which the checks report, rather than a silent 0. */
const numberOf = (text: string) => (text.trim() === '' ? NaN : Number(text));

interface Props {
  record: LegalRecord;
  onChange(record: LegalRecord): void;
  agencyCodes: string[];
}

export function LegalRecordEditor({ record, onChange, agencyCodes }: Props) {
  const { t } = useTranslation();
  const errors = validateRecord(record);
  const errorAt = (path: string) => errors.find((e) => e.path === path);
  const message = (path: string) => {
    const error = errorAt(path);
    return error ? t(`record.errors.${error.key}`, error.params ?? {}) : undefined;
  };
  const feeColumns: EditableColumn<Fee>[] = [
    {
      header: t('record.feeName'),
      cell: (fee, change, name, i) => (
        <TextField
          fullWidth
          value={fee.name}
          slotProps={{ htmlInput: { 'aria-label': name } }}
          error={!!errorAt(`fees[${i}].name`)}
          onChange={(e) => change({ name: e.target.value })}
        />
      ),
    },
    {
      header: t('record.amount'),
      cell: (fee, change, name, i) => (
        <TextField
          type="number"
          value={Number.isFinite(fee.amount) ? fee.amount : ''}
          slotProps={{ htmlInput: { 'aria-label': name } }}
          error={!!errorAt(`fees[${i}].amount`)}
          onChange={(e) => change({ amount: numberOf(e.target.value) })}
        />
      ),
    },
    {
      header: t('record.collectAt'),
      cell: (fee, change, name) => (
        <SelectField
          value={fee.collectAt}
          options={FEE_COLLECTION_POINTS}
          optionLabel={(p) => t(`record.collectPoints.${p}`)}
          slotProps={{ htmlInput: { 'aria-label': name } }}
          onChange={(collectAt) => change({ collectAt })}
        />
      ),
    },
  ];
  /** Originals and copies: a whole number from 0, an empty box counting as 0. */
  const countCell =
    (field: 'originals' | 'copies'): EditableColumn<DossierComponent>['cell'] =>
    (component, change, name) => (
      <TextField
        type="number"
        value={component[field] ?? 0}
        slotProps={{ htmlInput: { min: 0, max: 20, 'aria-label': name } }}
        onChange={(e) => change({ [field]: Math.max(0, numberOf(e.target.value) || 0) })}
      />
    );
  const componentColumns: EditableColumn<DossierComponent>[] = [
    {
      header: t('record.componentId'),
      width: 200,
      cell: (component, change, name, i) => (
        <TextField
          value={component.id}
          slotProps={{ htmlInput: { 'aria-label': name } }}
          error={!!errorAt(`components[${i}].id`)}
          onChange={(e) => change({ id: e.target.value })}
        />
      ),
    },
    {
      header: t('record.componentName'),
      cell: (component, change, name, i) => (
        <TextField
          fullWidth
          value={component.name}
          slotProps={{ htmlInput: { 'aria-label': name } }}
          error={!!errorAt(`components[${i}].name`)}
          onChange={(e) => change({ name: e.target.value })}
        />
      ),
    },
    {
      header: t('record.required'),
      cell: (component, change, name) => (
        <Checkbox
          checked={component.required}
          slotProps={{ input: { 'aria-label': name } }}
          onChange={(e) => change({ required: e.target.checked })}
        />
      ),
    },
    { header: t('record.originals'), width: 100, cell: countCell('originals') },
    { header: t('record.copies'), width: 100, cell: countCell('copies') },
  ];
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      {errors.length > 0 && (
        <Alert severity="warning" data-testid="record-errors">
          {errors.map((e) => t(`record.errors.${e.key}`, e.params ?? {})).join(' ')}
        </Alert>
      )}
      <Paper sx={{ p: 2, display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <TextField
          label={t('record.timeLimit')}
          type="number"
          value={Number.isFinite(record.timeLimit.value) ? record.timeLimit.value : ''}
          onChange={(e) =>
            onChange({ ...record, timeLimit: { ...record.timeLimit, value: numberOf(e.target.value) } })
          }
          error={!!errorAt('timeLimit.value')}
          helperText={message('timeLimit.value')}
          sx={{ width: 180 }}
        />
        <SelectField<TimeLimitUnit>
          label={t('record.unit')}
          value={record.timeLimit.unit}
          options={units}
          optionLabel={(u) => t(`record.units.${u}`)}
          onChange={(unit) => onChange({ ...record, timeLimit: { ...record.timeLimit, unit } })}
          sx={{ width: 180 }}
        />
        <TextField
          label={t('record.cutoff')}
          value={record.timeLimit.sameDayCutoff ?? ''}
          onChange={(e) => {
            const { sameDayCutoff: _old, ...rest } = record.timeLimit;
            onChange({
              ...record,
              timeLimit: e.target.value ? { ...rest, sameDayCutoff: e.target.value } : rest,
            });
          }}
          error={!!errorAt('timeLimit.sameDayCutoff')}
          helperText={message('timeLimit.sameDayCutoff')}
          sx={{ width: 220 }}
        />
        <SelectField
          label={t('record.onlineLevel')}
          value={record.onlineLevel}
          options={ONLINE_LEVELS}
          optionLabel={(l) => t(`record.onlineLevels.${l}`)}
          onChange={(onlineLevel) => onChange({ ...record, onlineLevel })}
          sx={{ width: 220 }}
        />
        <TextField
          label={t('record.agencies')}
          value={agencyCodes.join(', ')}
          slotProps={{ input: { readOnly: true } }}
          sx={{ minWidth: 240 }}
        />
      </Paper>

      <EditableTable
        title={t('record.fees')}
        columns={feeColumns}
        rows={record.fees}
        onChange={(fees) => onChange({ ...record, fees })}
        blank={(): Fee => ({ name: '', amount: 0, collectAt: 'intake' })}
      />
      <EditableTable
        title={t('record.components')}
        columns={componentColumns}
        rows={record.components}
        onChange={(components) => onChange({ ...record, components })}
        blank={() => ({ id: '', name: '', required: true, originals: 1, copies: 0 })}
      />
    </Box>
  );
}
