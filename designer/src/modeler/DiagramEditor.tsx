// The flow tab: toolbar (open/download .bpmn, undo/redo, token simulation, lint summary), the canvas with the
// properties panel beside it, and the lint findings under it (click one to jump to the element).
import { forwardRef, useEffect, useImperativeHandle, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LintReport } from '@camunda/linting';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Tooltip from '@mui/material/Tooltip';
import UndoIcon from '@mui/icons-material/Undo';
import RedoIcon from '@mui/icons-material/Redo';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import DownloadIcon from '@mui/icons-material/Download';
import { DesignerModeler, type ImportOutcome } from './designer-modeler';
import './modeler-styles';

export interface DiagramEditorHandle {
  getXml(): Promise<string>;
  lint(): Promise<LintReport[]>;
  resized(): void;
  modeler(): DesignerModeler | null;
}

interface Props {
  xml: string;
  fileName: string;
}

export const DiagramEditor = forwardRef<DiagramEditorHandle, Props>(function DiagramEditor(
  { xml, fileName },
  ref,
) {
  const { t, i18n } = useTranslation();
  const canvas = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const instance = useRef<DesignerModeler | null>(null);
  const [reports, setReports] = useState<LintReport[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);

  const describe = (outcome: ImportOutcome) => {
    if (outcome.ok) return null;
    const p = outcome.problem;
    const detail =
      p.kind === 'malformed' ? p.detail : p.kind === 'unknown-content' ? p.details.join('; ') : '';
    return `${t(`modeler.problems.${p.kind}`, { detail, limit: p.kind === 'too-large' ? p.limit : 0 })} ${t('modeler.refused')}`;
  };

  useEffect(() => {
    const modeler = new DesignerModeler({
      container: canvas.current!,
      propertiesPanel: panel.current!,
      language: i18n.language,
      onLint: setReports,
    });
    instance.current = modeler;
    void modeler.importXml(xml).then((outcome) => setRefusal(describe(outcome)));
    return () => {
      modeler.destroy();
      instance.current = null;
    };
    // The modeler is rebuilt when the language changes (its strings are fixed at creation); xml is the initial one.
  }, [i18n.language]);

  useImperativeHandle(ref, () => ({
    getXml: () => instance.current!.exportXml(),
    lint: () => instance.current!.lintNow(),
    resized: () => instance.current?.modeler.get<{ resized(): void }>('canvas').resized(),
    modeler: () => instance.current,
  }));

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file || !instance.current) return;
    // Read no more than the limit allows: a huge file is refused without loading it whole.
    const text = file.size > 4_000_000 ? 'x'.repeat(1_000_001) : await file.text();
    setRefusal(describe(await instance.current.importXml(text)));
  }

  async function download() {
    const text = await instance.current!.exportXml();
    const url = URL.createObjectURL(new Blob([text], { type: 'application/xml' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    URL.revokeObjectURL(url);
  }

  const errors = reports.filter((r) => r.category === 'error' || r.category === 'rule-error').length;
  const warnings = reports.length - errors;

  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1, flexWrap: 'wrap' }}>
        <Button component="label" startIcon={<UploadFileIcon />} size="small" variant="outlined">
          {t('modeler.open')}
          <input hidden type="file" accept=".bpmn,.xml" onChange={upload} data-testid="bpmn-upload" />
        </Button>
        <Button startIcon={<DownloadIcon />} size="small" variant="outlined" onClick={() => void download()}>
          {t('modeler.download')}
        </Button>
        <Tooltip title={t('modeler.undo')}>
          <IconButton aria-label={t('modeler.undo')} onClick={() => instance.current?.undo()}>
            <UndoIcon />
          </IconButton>
        </Tooltip>
        <Tooltip title={t('modeler.redo')}>
          <IconButton aria-label={t('modeler.redo')} onClick={() => instance.current?.redo()}>
            <RedoIcon />
          </IconButton>
        </Tooltip>
        <Button
          startIcon={<PlayArrowIcon />}
          size="small"
          onClick={() => instance.current?.toggleSimulation()}
        >
          {t('modeler.simulate')}
        </Button>
        <Chip
          data-testid="lint-summary"
          color={errors ? 'error' : warnings ? 'warning' : 'success'}
          label={reports.length ? t('modeler.lintCount', { errors, warnings }) : t('modeler.lintOk')}
          size="small"
        />
      </Box>
      {refusal && (
        <Alert severity="error" onClose={() => setRefusal(null)} sx={{ mb: 1 }} data-testid="bpmn-refusal">
          {refusal}
        </Alert>
      )}
      <Box sx={{ display: 'flex', height: 'calc(100vh - 260px)', minHeight: 380, gap: 1 }}>
        <Paper variant="outlined" sx={{ flex: 1, minWidth: 0, position: 'relative', overflow: 'hidden' }}>
          <Box ref={canvas} data-testid="bpmn-canvas" sx={{ position: 'absolute', inset: 0 }} />
        </Paper>
        <Paper
          variant="outlined"
          ref={panel}
          data-testid="properties-panel"
          sx={{ width: { xs: 260, lg: 320 }, flexShrink: 0, overflow: 'auto' }}
        />
      </Box>
      {reports.length > 0 && (
        <Paper variant="outlined" sx={{ mt: 1, maxHeight: 140, overflow: 'auto' }}>
          <List dense aria-label={t('modeler.lintTitle')} data-testid="lint-list">
            {reports.map((report, index) => (
              <ListItemButton
                key={`${report.id}-${report.rule}-${index}`}
                onClick={() =>
                  instance.current?.modeler
                    .get<{ showError(r: LintReport): void }>('linting')
                    .showError(report)
                }
              >
                <ListItemText
                  primary={report.message}
                  secondary={`${report.id} · ${report.rule}`}
                  slotProps={{ primary: { color: report.category === 'warn' ? 'warning.main' : 'error' } }}
                />
              </ListItemButton>
            ))}
          </List>
        </Paper>
      )}
    </Box>
  );
});
