// The procedure version's BPMN in a read-only navigable viewer, with the steps the dossier has passed
// (timeline events carry their elementId) and the open task marked.
import { useRef } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import { useMarkedViewer } from '../../modeler/marked-viewer';
import './process-markers.css';

interface Props {
  xml: string;
  taken: string[];
  current: string[];
  label: string;
}

export function ProcessDiagram({ xml, taken, current, label }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const failure = useMarkedViewer(container, xml, [
    [taken, 'process-taken'],
    [current, 'process-current'],
  ]);
  return (
    <>
      {failure && <Alert severity="error">{failure}</Alert>}
      <Box
        ref={container}
        // Not role="img": the viewer puts focusable parts inside (canvas, bpmn.io link), which an img may not hold.
        role="figure"
        aria-label={label}
        data-testid="process-diagram"
        sx={{ height: 360, border: 1, borderColor: 'divider', borderRadius: 1 }}
      />
    </>
  );
}
