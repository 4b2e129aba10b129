// The reformer's form editor: groups and their fields on the left (add, remove, reorder, move between groups),
// the selected field's properties in the middle, the live JSON Forms preview on the right. No JSON to type.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import DeleteIcon from '@mui/icons-material/Delete';
import type { FormDefinition } from '../../../forms/types';
import { AddFieldDialog } from './AddFieldDialog';
import { FieldProperties } from './FieldProperties';
import { FormPreview } from './FormPreview';
import {
  addGroup,
  FormEditError,
  groupsOf,
  moveField,
  moveGroup,
  removeField,
  removeGroup,
  updateField,
  type FieldPatch,
} from './form-model';

interface Props {
  form: FormDefinition;
  onChange(form: FormDefinition): void;
}

export function FormEditor({ form, onChange }: Props) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<string | null>(null);
  const [adding, setAdding] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const groups = groupsOf(form);
  const fields = groups.flatMap((g) => g.fields);
  const field = fields.find((f) => f.scope === selected);

  const apply = (edit: () => FormDefinition) => {
    try {
      onChange(edit());
      setProblem(null);
    } catch (error) {
      if (error instanceof FormEditError) setProblem(t(`formEditor.problems.${error.problem}`));
      else throw error;
    }
  };

  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: '340px 300px minmax(0, 1fr)',
        gap: 1.5,
        alignItems: 'start',
      }}
    >
      <Paper variant="outlined" sx={{ maxHeight: 'calc(100vh - 230px)', overflow: 'auto' }}>
        <Box sx={{ display: 'flex', gap: 1, p: 1, flexWrap: 'wrap' }}>
          <Button
            size="small"
            variant="outlined"
            onClick={() => {
              const label = window.prompt(t('formEditor.groupName'));
              if (label !== null) apply(() => addGroup(form, label));
            }}
          >
            {t('formEditor.addGroup')}
          </Button>
        </Box>
        {problem && (
          <Alert severity="error" onClose={() => setProblem(null)} sx={{ mx: 1 }}>
            {problem}
          </Alert>
        )}
        <List dense data-testid="form-fields">
          {groups.map((group) => (
            <li key={`${group.index}-${group.label}`}>
              <ul style={{ padding: 0 }}>
                <ListSubheader sx={{ display: 'flex', alignItems: 'center', gap: 0.5, lineHeight: '32px' }}>
                  <Box sx={{ flex: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                    {group.label || t('formEditor.ungrouped')}
                  </Box>
                  {group.index >= 0 && (
                    <>
                      <IconButton
                        size="small"
                        aria-label={t('formEditor.moveUp')}
                        onClick={() => apply(() => moveGroup(form, group.index, -1))}
                      >
                        <ArrowUpwardIcon fontSize="inherit" />
                      </IconButton>
                      <IconButton
                        size="small"
                        aria-label={t('formEditor.moveDown')}
                        onClick={() => apply(() => moveGroup(form, group.index, 1))}
                      >
                        <ArrowDownwardIcon fontSize="inherit" />
                      </IconButton>
                      <IconButton
                        size="small"
                        aria-label={t('formEditor.removeGroup')}
                        onClick={() => apply(() => removeGroup(form, group.index))}
                      >
                        <DeleteIcon fontSize="inherit" />
                      </IconButton>
                    </>
                  )}
                  <Button
                    size="small"
                    onClick={() => setAdding(group.index)}
                    data-testid={`add-field-${group.index}`}
                  >
                    {t('formEditor.addField')}
                  </Button>
                </ListSubheader>
                {group.fields.map((f) => (
                  <ListItemButton
                    key={f.scope}
                    selected={f.scope === selected}
                    onClick={() => setSelected(f.scope)}
                    sx={{ pl: 3 }}
                    data-testid={`field-${f.key}`}
                  >
                    <ListItemText
                      primary={`${f.label}${f.required ? ' *' : ''}`}
                      secondary={
                        t(`formEditor.types.${f.type}`) +
                        (f.showWhen ? ` · ${t('formEditor.conditional')}` : '')
                      }
                      slotProps={{ primary: { noWrap: true } }}
                    />
                    {f.scope === selected && (
                      <Box sx={{ display: 'flex' }} onClick={(e) => e.stopPropagation()}>
                        <IconButton
                          size="small"
                          aria-label={t('formEditor.moveUp')}
                          onClick={() => apply(() => moveField(form, f.scope, { offset: -1 }))}
                        >
                          <ArrowUpwardIcon fontSize="inherit" />
                        </IconButton>
                        <IconButton
                          size="small"
                          aria-label={t('formEditor.moveDown')}
                          onClick={() => apply(() => moveField(form, f.scope, { offset: 1 }))}
                        >
                          <ArrowDownwardIcon fontSize="inherit" />
                        </IconButton>
                        <IconButton
                          size="small"
                          aria-label={t('formEditor.removeField')}
                          onClick={() => {
                            setSelected(null);
                            apply(() => removeField(form, f.scope));
                          }}
                        >
                          <DeleteIcon fontSize="inherit" />
                        </IconButton>
                      </Box>
                    )}
                  </ListItemButton>
                ))}
              </ul>
            </li>
          ))}
        </List>
      </Paper>
      <Paper variant="outlined" sx={{ p: 1.5, maxHeight: 'calc(100vh - 230px)', overflow: 'auto' }}>
        {field ? (
          <>
            <FieldProperties
              field={field}
              others={fields}
              onPatch={(patch: FieldPatch) => apply(() => updateField(form, field.scope, patch))}
            />
            {groups.length > 1 && (
              <Box sx={{ mt: 2 }}>
                <Typography variant="subtitle2">{t('formEditor.moveToGroup')}</Typography>
                {groups
                  .filter((g) => !g.fields.some((x) => x.scope === field.scope))
                  .map((g) => (
                    <Button
                      key={g.index}
                      size="small"
                      onClick={() => apply(() => moveField(form, field.scope, { group: g.index }))}
                    >
                      {g.label || t('formEditor.ungrouped')}
                    </Button>
                  ))}
              </Box>
            )}
          </>
        ) : (
          <Typography color="text.secondary">{t('formEditor.selectField')}</Typography>
        )}
      </Paper>
      <Paper
        variant="outlined"
        sx={{ p: 1.5, maxHeight: 'calc(100vh - 230px)', overflow: 'auto' }}
        data-testid="form-preview"
      >
        <Typography variant="subtitle2" gutterBottom>
          {t('formEditor.preview')}
        </Typography>
        <FormPreview form={form} />
      </Paper>
      {adding !== null && (
        <AddFieldDialog
          onCancel={() => setAdding(null)}
          onAdd={(newField, addTo) => {
            try {
              onChange(addTo(form, adding, newField));
              setSelected(`#/properties/${newField.key}`);
              setAdding(null);
              return null;
            } catch (error) {
              if (error instanceof FormEditError) return t(`formEditor.problems.${error.problem}`);
              throw error;
            }
          }}
        />
      )}
    </Box>
  );
}
