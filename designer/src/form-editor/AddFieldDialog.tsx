// Dialog to add a field: label, a key derived from it (editable), type and whether it is required.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { getForm } from '../../../forms/registry';
import { addField, editableTypes, type FieldType, type NewField, type SchemaNode } from './form-model';
import { keyFromLabel } from './field-key';
import type { FormDefinition } from '../../../forms/types';

type AddTo = (form: FormDefinition, group: number, field: NewField) => FormDefinition;

interface Props {
  onCancel(): void;
  /** Returns a message when the field cannot be added. */
  onAdd(field: NewField, addTo: AddTo): string | null;
}

// A form without its own address definition borrows the birth declaration's (the national address shape).
const sharedAddress = (
  getForm('to-khai-khai-sinh')?.schema.definitions as Record<string, SchemaNode> | undefined
)?.address;

export function AddFieldDialog({ onCancel, onAdd }: Props) {
  const { t } = useTranslation();
  const [label, setLabel] = useState('');
  const [key, setKey] = useState('');
  const [keyTouched, setKeyTouched] = useState(false);
  const [type, setType] = useState<FieldType>('text');
  const [required, setRequired] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  return (
    <Dialog open onClose={onCancel} aria-labelledby="add-field-title">
      <DialogTitle id="add-field-title">{t('formEditor.addField')}</DialogTitle>
      <DialogContent sx={{ display: 'grid', gap: 2, pt: '8px !important', width: 420 }}>
        {problem && <Alert severity="error">{problem}</Alert>}
        <TextField
          label={t('formEditor.label')}
          value={label}
          autoFocus
          onChange={(e) => {
            setLabel(e.target.value);
            if (!keyTouched) setKey(keyFromLabel(e.target.value));
          }}
        />
        <TextField
          label={t('formEditor.fieldKey')}
          value={key}
          helperText={t('formEditor.keyHelp')}
          onChange={(e) => {
            setKeyTouched(true);
            setKey(e.target.value);
          }}
        />
        <TextField
          select
          label={t('formEditor.type')}
          value={type}
          onChange={(e) => setType(e.target.value as FieldType)}
        >
          {editableTypes.map((option) => (
            <MenuItem key={option} value={option}>
              {t(`formEditor.types.${option}`)}
            </MenuItem>
          ))}
        </TextField>
        <FormControlLabel
          control={<Checkbox checked={required} onChange={(e) => setRequired(e.target.checked)} />}
          label={t('formEditor.required')}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button
          variant="contained"
          data-testid="add-field-confirm"
          onClick={() =>
            setProblem(
              onAdd({ key, label, type, required }, (form, group, field) =>
                addField(form, group, field, sharedAddress),
              ),
            )
          }
        >
          {t('common.add')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
