// The procedure version's dossier components: what the counter received, whether as an original, and the files
// uploaded or scanned for each (PDF, JPEG or PNG, checked here before anything is sent), each with a viewer link.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { DossierComponent } from '../../api/types';
import { acceptedTypes, fileProblem, type LocalFile } from './intake-api';

export interface ComponentReceipt {
  received: boolean;
  original: boolean;
  files: LocalFile[];
}

export type Received = Record<string, ComponentReceipt>;

interface Props {
  components: DossierComponent[];
  value: Received;
  onChange(next: Received): void;
}

export const kilobytes = (size: number) =>
  size >= 1024 * 1024
    ? `${(size / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(size / 1024))} KB`;

/** Blob URLs of the chosen files are released when the files are dropped. */
export function releaseFiles(received: Received) {
  for (const entry of Object.values(received)) for (const f of entry.files) URL.revokeObjectURL(f.url);
}

function ComponentRow({
  component,
  state,
  onChange,
}: {
  component: DossierComponent;
  state: ComponentReceipt;
  onChange(next: ComponentReceipt): void;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<string[]>([]);

  const add = (list: FileList | null) => {
    const chosen = Array.from(list ?? []);
    const rejected: string[] = [];
    const accepted: LocalFile[] = [];
    for (const file of chosen) {
      const problem = fileProblem(file);
      if (problem) rejected.push(t(`ws.intake.${problem}`, { name: file.name }));
      else accepted.push({ file, url: URL.createObjectURL(file) });
    }
    setProblems(rejected);
    if (accepted.length) onChange({ ...state, received: true, files: [...state.files, ...accepted] });
    if (input.current) input.current.value = '';
  };

  const remove = (gone: LocalFile) => {
    URL.revokeObjectURL(gone.url);
    onChange({ ...state, files: state.files.filter((f) => f !== gone) });
  };

  return (
    <Stack
      data-testid={`component-${component.id}`}
      sx={{ py: 1, borderBottom: 1, borderColor: 'divider', '&:last-child': { borderBottom: 0 } }}
    >
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <FormControlLabel
          sx={{ flexGrow: 1, flexBasis: 360 }}
          control={
            <Checkbox
              checked={state.received}
              onChange={(e) => onChange({ ...state, received: e.target.checked })}
            />
          }
          label={
            <span>
              {component.name}
              {component.required && (
                <Typography component="span" variant="caption" color="error" sx={{ ml: 1 }}>
                  ({t('ws.intake.componentRequired')})
                </Typography>
              )}
            </span>
          }
        />
        <FormControlLabel
          control={
            <Checkbox
              size="small"
              disabled={!state.received}
              checked={state.original}
              onChange={(e) => onChange({ ...state, original: e.target.checked })}
            />
          }
          label={t('ws.intake.original')}
          slotProps={{ typography: { variant: 'body2' } }}
        />
        <Button
          variant="outlined"
          size="small"
          aria-label={t('ws.intake.uploadFor', { name: component.name })}
          onClick={() => input.current?.click()}
        >
          {t('ws.intake.upload')}
        </Button>
        <input
          ref={input}
          type="file"
          hidden
          multiple
          accept={acceptedTypes.join(',')}
          aria-label={t('ws.intake.uploadFor', { name: component.name })}
          data-testid={`upload-${component.id}`}
          onChange={(e) => add(e.target.files)}
        />
      </Stack>
      {state.files.length > 0 && (
        <Stack component="ul" sx={{ m: 0, pl: 5, gap: 0.5 }} data-testid={`files-${component.id}`}>
          {state.files.map((f) => (
            <Stack component="li" key={f.url} direction="row" sx={{ alignItems: 'center', gap: 1 }}>
              <Link
                href={f.url}
                target="_blank"
                rel="noopener"
                aria-label={t('ws.intake.viewFile', { name: f.file.name })}
              >
                {f.file.name}
              </Link>
              <Typography variant="body2" color="text.secondary">
                {f.file.type === 'application/pdf' ? 'PDF' : f.file.type.replace('image/', '').toUpperCase()},{' '}
                {kilobytes(f.file.size)}
              </Typography>
              <IconButton
                size="small"
                aria-label={t('ws.intake.removeFile', { name: f.file.name })}
                onClick={() => remove(f)}
              >
                <span aria-hidden="true">×</span>
              </IconButton>
            </Stack>
          ))}
        </Stack>
      )}
      {problems.map((p) => (
        <Typography key={p} role="alert" variant="body2" color="error" sx={{ pl: 5 }}>
          {p}
        </Typography>
      ))}
    </Stack>
  );
}

export function ComponentsChecklist({ components, value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Stack data-testid="components-checklist">
      <Typography variant="body2" color="text.secondary">
        {t('ws.intake.filesHint')}
      </Typography>
      {components.map((c) => (
        <ComponentRow
          key={c.id}
          component={c}
          state={value[c.id] ?? { received: false, original: c.originals !== 0, files: [] }}
          onChange={(next) => onChange({ ...value, [c.id]: next })}
        />
      ))}
    </Stack>
  );
}
