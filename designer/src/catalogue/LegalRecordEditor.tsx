// Edits a version's legal record: time limit, fees, required dossier components, online service level.
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import DeleteIcon from '@mui/icons-material/Delete';
import {
  FEE_COLLECTION_POINTS,
  ONLINE_LEVELS,
  type OnlineLevel,
} from '../../../processes/procedure-vocabulary';
import { timeLimitUnits, type TimeLimitUnit } from '../../../processes/calendar/due-date';
import type { DossierComponent, Fee } from '../api/types';
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
  const setFee = (index: number, patch: Partial<Fee>) =>
    onChange({ ...record, fees: record.fees.map((f, i) => (i === index ? { ...f, ...patch } : f)) });
  const setComponent = (index: number, patch: Partial<DossierComponent>) =>
    onChange({
      ...record,
      components: record.components.map((c, i) => (i === index ? { ...c, ...patch } : c)),
    });

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
        <TextField
          select
          label={t('record.unit')}
          value={record.timeLimit.unit}
          onChange={(e) =>
            onChange({
              ...record,
              timeLimit: { ...record.timeLimit, unit: e.target.value as TimeLimitUnit },
            })
          }
          sx={{ width: 180 }}
        >
          {units.map((u) => (
            <MenuItem key={u} value={u}>
              {t(`record.units.${u}`)}
            </MenuItem>
          ))}
        </TextField>
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
        <TextField
          select
          label={t('record.onlineLevel')}
          value={record.onlineLevel}
          onChange={(e) => onChange({ ...record, onlineLevel: e.target.value as OnlineLevel })}
          sx={{ width: 220 }}
        >
          {ONLINE_LEVELS.map((l) => (
            <MenuItem key={l} value={l}>
              {t(`record.onlineLevels.${l}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label={t('record.agencies')}
          value={agencyCodes.join(', ')}
          slotProps={{ input: { readOnly: true } }}
          sx={{ minWidth: 240 }}
        />
      </Paper>

      <Paper sx={{ p: 2 }}>
        <Typography variant="subtitle1" component="h2">
          {t('record.fees')}
        </Typography>
        <Table>
          <TableHead>
            <TableRow>
              <TableCell>{t('record.feeName')}</TableCell>
              <TableCell>{t('record.amount')}</TableCell>
              <TableCell>{t('record.collectAt')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {record.fees.map((fee, index) => (
              <TableRow key={index}>
                <TableCell>
                  <TextField
                    fullWidth
                    value={fee.name}
                    slotProps={{ htmlInput: { 'aria-label': `${t('record.feeName')} ${index + 1}` } }}
                    error={!!errorAt(`fees[${index}].name`)}
                    onChange={(e) => setFee(index, { name: e.target.value })}
                  />
                </TableCell>
                <TableCell>
                  <TextField
                    type="number"
                    value={Number.isFinite(fee.amount) ? fee.amount : ''}
                    slotProps={{ htmlInput: { 'aria-label': `${t('record.amount')} ${index + 1}` } }}
                    error={!!errorAt(`fees[${index}].amount`)}
                    onChange={(e) => setFee(index, { amount: numberOf(e.target.value) })}
                  />
                </TableCell>
                <TableCell>
                  <TextField
                    select
                    value={fee.collectAt}
                    slotProps={{ htmlInput: { 'aria-label': `${t('record.collectAt')} ${index + 1}` } }}
                    onChange={(e) => setFee(index, { collectAt: e.target.value as Fee['collectAt'] })}
                  >
                    {FEE_COLLECTION_POINTS.map((p) => (
                      <MenuItem key={p} value={p}>
                        {t(`record.collectPoints.${p}`)}
                      </MenuItem>
                    ))}
                  </TextField>
                </TableCell>
                <TableCell>
                  <IconButton
                    aria-label={t('common.remove')}
                    onClick={() => onChange({ ...record, fees: record.fees.filter((_f, i) => i !== index) })}
                  >
                    <DeleteIcon />
                  </IconButton>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Button
          size="small"
          onClick={() =>
            onChange({ ...record, fees: [...record.fees, { name: '', amount: 0, collectAt: 'intake' }] })
          }
        >
          {t('common.add')}
        </Button>
      </Paper>

      <Paper sx={{ p: 2 }}>
        <Typography variant="subtitle1" component="h2">
          {t('record.components')}
        </Typography>
        <Table>
          <TableHead>
            <TableRow>
              <TableCell>{t('record.componentId')}</TableCell>
              <TableCell>{t('record.componentName')}</TableCell>
              <TableCell>{t('record.required')}</TableCell>
              <TableCell>{t('record.originals')}</TableCell>
              <TableCell>{t('record.copies')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {record.components.map((component, index) => (
              <TableRow key={index}>
                <TableCell sx={{ width: 200 }}>
                  <TextField
                    value={component.id}
                    slotProps={{ htmlInput: { 'aria-label': `${t('record.componentId')} ${index + 1}` } }}
                    error={!!errorAt(`components[${index}].id`)}
                    onChange={(e) => setComponent(index, { id: e.target.value })}
                  />
                </TableCell>
                <TableCell>
                  <TextField
                    fullWidth
                    value={component.name}
                    slotProps={{ htmlInput: { 'aria-label': `${t('record.componentName')} ${index + 1}` } }}
                    error={!!errorAt(`components[${index}].name`)}
                    onChange={(e) => setComponent(index, { name: e.target.value })}
                  />
                </TableCell>
                <TableCell>
                  <Checkbox
                    checked={component.required}
                    slotProps={{ input: { 'aria-label': `${t('record.required')} ${index + 1}` } }}
                    onChange={(e) => setComponent(index, { required: e.target.checked })}
                  />
                </TableCell>
                <TableCell sx={{ width: 100 }}>
                  <TextField
                    type="number"
                    value={component.originals ?? 0}
                    slotProps={{
                      htmlInput: { min: 0, max: 20, 'aria-label': `${t('record.originals')} ${index + 1}` },
                    }}
                    onChange={(e) =>
                      setComponent(index, { originals: Math.max(0, numberOf(e.target.value) || 0) })
                    }
                  />
                </TableCell>
                <TableCell sx={{ width: 100 }}>
                  <TextField
                    type="number"
                    value={component.copies ?? 0}
                    slotProps={{
                      htmlInput: { min: 0, max: 20, 'aria-label': `${t('record.copies')} ${index + 1}` },
                    }}
                    onChange={(e) =>
                      setComponent(index, { copies: Math.max(0, numberOf(e.target.value) || 0) })
                    }
                  />
                </TableCell>
                <TableCell>
                  <IconButton
                    aria-label={t('common.remove')}
                    onClick={() =>
                      onChange({ ...record, components: record.components.filter((_c, i) => i !== index) })
                    }
                  >
                    <DeleteIcon />
                  </IconButton>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Button
          size="small"
          onClick={() =>
            onChange({
              ...record,
              components: [
                ...record.components,
                { id: '', name: '', required: true, originals: 1, copies: 0 },
              ],
            })
          }
        >
          {t('common.add')}
        </Button>
      </Paper>
    </Box>
  );
}
