// Properties of the selected field: label, type, required, length, pattern, options and the show condition.
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import DeleteIcon from '@mui/icons-material/Delete';
import { editableTypes, type FieldPatch, type FieldView } from './form-model';

interface Props {
  field: FieldView;
  others: FieldView[];
  onPatch(patch: FieldPatch): void;
}

const numberOrNull = (text: string) => (text.trim() === '' ? null : Math.max(0, Math.floor(Number(text))));

export function FieldProperties({ field, others, onPatch }: Props) {
  const { t } = useTranslation();
  const conditionSource = others.find((f) => f.scope === field.showWhen?.scope);
  const textual = field.type === 'text' || field.type === 'cccd';
  return (
    <Box sx={{ display: 'grid', gap: 1.5 }} data-testid="field-properties">
      <Typography variant="subtitle2">
        {t('formEditor.fieldKey')}: <code>{field.key}</code>
      </Typography>
      <TextField
        label={t('formEditor.label')}
        value={field.label}
        onChange={(e) => e.target.value.trim() && onPatch({ label: e.target.value })}
        error={!field.label.trim()}
      />
      <TextField
        select
        label={t('formEditor.type')}
        value={field.type}
        disabled={field.type === 'composite'}
        onChange={(e) => onPatch({ type: e.target.value as FieldView['type'] })}
      >
        {[...editableTypes, ...(field.type === 'composite' ? ['composite' as const] : [])].map((type) => (
          <MenuItem key={type} value={type}>
            {t(`formEditor.types.${type}`)}
          </MenuItem>
        ))}
      </TextField>
      <FormControlLabel
        control={
          <Checkbox
            checked={field.required}
            onChange={(e) => onPatch({ required: e.target.checked })}
            slotProps={{ input: { 'aria-label': t('formEditor.required') } }}
          />
        }
        label={t('formEditor.required')}
      />
      {textual && (
        <Box sx={{ display: 'flex', gap: 1 }}>
          <TextField
            label={t('formEditor.minLength')}
            type="number"
            value={field.minLength ?? ''}
            onChange={(e) => onPatch({ minLength: numberOrNull(e.target.value) })}
          />
          <TextField
            label={t('formEditor.maxLength')}
            type="number"
            value={field.maxLength ?? ''}
            onChange={(e) => onPatch({ maxLength: numberOrNull(e.target.value) })}
          />
        </Box>
      )}
      {textual && (
        <TextField
          label={t('formEditor.pattern')}
          value={field.pattern ?? ''}
          helperText={t('formEditor.patternHelp')}
          onChange={(e) => onPatch({ pattern: e.target.value ? e.target.value : null })}
        />
      )}
      {field.type === 'choice' && field.options && (
        <Box>
          <Typography variant="subtitle2">{t('formEditor.options')}</Typography>
          {field.options.map((option, index) => (
            <Box key={index} sx={{ display: 'flex', gap: 1, mt: 1 }}>
              <TextField
                label={t('formEditor.optionValue')}
                value={option.value}
                onChange={(e) =>
                  onPatch({
                    options: field.options!.map((o, i) =>
                      i === index ? { ...o, value: e.target.value } : o,
                    ),
                  })
                }
              />
              <TextField
                label={t('formEditor.optionLabel')}
                value={option.label}
                onChange={(e) =>
                  onPatch({
                    options: field.options!.map((o, i) =>
                      i === index ? { ...o, label: e.target.value } : o,
                    ),
                  })
                }
              />
              <IconButton
                aria-label={t('common.remove')}
                disabled={field.options!.length <= 1}
                onClick={() => onPatch({ options: field.options!.filter((_o, i) => i !== index) })}
              >
                <DeleteIcon />
              </IconButton>
            </Box>
          ))}
          <Button
            size="small"
            onClick={() =>
              onPatch({
                options: [
                  ...field.options!,
                  {
                    value: `lua-chon-${field.options!.length + 1}`,
                    label: `${t('formEditor.option')} ${field.options!.length + 1}`,
                  },
                ],
              })
            }
          >
            {t('formEditor.addOption')}
          </Button>
        </Box>
      )}
      <Typography variant="subtitle2">{t('formEditor.showWhen')}</Typography>
      <TextField
        select
        label={t('formEditor.conditionField')}
        value={field.showWhen?.scope ?? ''}
        onChange={(e) => {
          const source = others.find((f) => f.scope === e.target.value);
          if (!source) return onPatch({ showWhen: null });
          const first = source.options?.[0]?.value;
          onPatch({ showWhen: { scope: source.scope, equals: first ?? true } });
        }}
      >
        <MenuItem value="">{t('formEditor.always')}</MenuItem>
        {others
          .filter((f) => f.scope !== field.scope && (f.type === 'choice' || f.type === 'text'))
          .map((f) => (
            <MenuItem key={f.scope} value={f.scope}>
              {f.label}
            </MenuItem>
          ))}
      </TextField>
      {field.showWhen && (
        <TextField
          select={!!conditionSource?.options}
          label={t('formEditor.conditionValue')}
          value={String(field.showWhen.equals)}
          onChange={(e) => onPatch({ showWhen: { scope: field.showWhen!.scope, equals: e.target.value } })}
        >
          {conditionSource?.options?.map((o) => (
            <MenuItem key={o.value} value={o.value}>
              {o.label}
            </MenuItem>
          ))}
        </TextField>
      )}
    </Box>
  );
}
