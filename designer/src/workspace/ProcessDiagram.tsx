// The procedure version's BPMN in a read-only navigable viewer, with the steps the dossier has passed
// (timeline events carry their elementId) and the open task marked.
import { useEffect, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import NavigatedViewer from 'camunda-bpmn-js/lib/camunda-cloud/NavigatedViewer';
import 'camunda-bpmn-js/dist/assets/camunda-cloud-navigated-viewer.css';
import './process-markers.css';

interface Canvas {
  addMarker(id: string, marker: string): void;
  zoom(level: 'fit-viewport'): void;
}

interface Props {
  xml: string;
  taken: string[];
  current: string[];
  label: string;
}

export function ProcessDiagram({ xml, taken, current, label }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const takenKey = taken.join(' ');
  const currentKey = current.join(' ');
  useEffect(() => {
    setFailure(null);
    const viewer = new NavigatedViewer({ container: container.current! });
    let live = true;
    // Destroyed only once the import settles: bpmn-js throws when a torn-down canvas is still being drawn.
    const imported = viewer
      .importXML(xml)
      .then(() => {
        if (!live) return;
        const canvas = viewer.get<Canvas>('canvas');
        const registry = viewer.get<{ get(id: string): unknown }>('elementRegistry');
        const mark = (ids: string, marker: string) => {
          for (const id of ids.split(' ')) if (id && registry.get(id)) canvas.addMarker(id, marker);
        };
        mark(takenKey, 'process-taken');
        mark(currentKey, 'process-current');
        canvas.zoom('fit-viewport');
      })
      .catch((error: unknown) => {
        if (live) setFailure(error instanceof Error ? error.message : String(error));
      });
    return () => {
      live = false;
      void imported.then(() => viewer.destroy());
    };
  }, [xml, takenKey, currentKey]);
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
