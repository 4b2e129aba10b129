// Two versions of the flow side by side, with the diff marked on the canvases: removed and changed elements on
// the older one, added and changed on the newer one.
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useMarkedViewer, type Marks } from '../modeler/marked-viewer';
import type { DiagramDiff } from './bpmn-diff';
import './diff-markers.css';

function DiagramPane({
  xml,
  marks,
  title,
  testId,
}: {
  xml: string;
  marks: Marks;
  title: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const failure = useMarkedViewer(container, xml, marks);
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
  const changed = diff.changed.map((c) => c.id);
  const beforeMarks: Marks = [
    [diff.removed.map((c) => c.id), 'diff-removed'],
    [changed, 'diff-changed'],
  ];
  const afterMarks: Marks = [
    [diff.added.map((c) => c.id), 'diff-added'],
    [changed, 'diff-changed'],
  ];
  return (
    <Box sx={{ display: 'flex', gap: 1 }}>
      <DiagramPane xml={before.xml} title={before.label} testId="diff-before" marks={beforeMarks} />
      <DiagramPane xml={after.xml} title={after.label} testId="diff-after" marks={afterMarks} />
    </Box>
  );
}
