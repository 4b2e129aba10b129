// Two versions of the flow side by side, with the diff marked on the canvases: removed and changed elements on
// the older one, added and changed on the newer one.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import NavigatedViewer from 'camunda-bpmn-js/lib/camunda-cloud/NavigatedViewer';
import 'camunda-bpmn-js/dist/assets/camunda-cloud-navigated-viewer.css';
import type { DiagramDiff } from './bpmn-diff';
import './diff-markers.css';

interface Canvas {
  addMarker(id: string, marker: string): void;
  zoom(level: string): void;
}

function DiagramPane({
  xml,
  marks,
  title,
  testId,
}: {
  xml: string;
  marks: [string[], string][];
  title: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    setFailure(null);
    const viewer = new NavigatedViewer({ container: container.current! });
    let live = true;
    // bpmn-js keeps drawing after destroy() if an import is still running (then throws from a torn-down
    // canvas), so the viewer is destroyed only once its import has settled.
    const imported = viewer
      .importXML(xml)
      .then(() => {
        if (!live) return;
        const canvas = viewer.get<Canvas>('canvas');
        const registry = viewer.get<{ get(id: string): unknown }>('elementRegistry');
        for (const [ids, marker] of marks)
          for (const id of ids) if (registry.get(id)) canvas.addMarker(id, marker);
        canvas.zoom('fit-viewport');
      })
      .catch((error: unknown) => {
        if (live) setFailure(error instanceof Error ? error.message : String(error));
      });
    return () => {
      live = false;
      void imported.then(() => viewer.destroy());
    };
  }, [xml, marks]);
  return (
    <Paper variant="outlined" sx={{ flex: 1, minWidth: 0 }}>
      <Typography variant="subtitle2" sx={{ px: 1, pt: 0.5 }}>
        {title}
      </Typography>
      {failure && (
        <Typography color="error" variant="body2" sx={{ px: 1 }}>
          {t('versions.diagramUnreadable', { detail: failure })}
        </Typography>
      )}
      <Box ref={container} data-testid={testId} sx={{ height: 340 }} />
    </Paper>
  );
}

interface Props {
  before: { label: string; xml: string };
  after: { label: string; xml: string };
  diff: DiagramDiff;
}

export function DiagramDiffView({ before, after, diff }: Props) {
  const beforeMarks = useMemo<[string[], string][]>(
    () => [
      [diff.removed.map((c) => c.id), 'diff-removed'],
      [diff.changed.map((c) => c.id), 'diff-changed'],
    ],
    [diff],
  );
  const afterMarks = useMemo<[string[], string][]>(
    () => [
      [diff.added.map((c) => c.id), 'diff-added'],
      [diff.changed.map((c) => c.id), 'diff-changed'],
    ],
    [diff],
  );
  return (
    <Box sx={{ display: 'flex', gap: 1 }}>
      <DiagramPane xml={before.xml} title={before.label} testId="diff-before" marks={beforeMarks} />
      <DiagramPane xml={after.xml} title={after.label} testId="diff-after" marks={afterMarks} />
    </Box>
  );
}
