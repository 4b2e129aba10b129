// A read-only navigable BPMN viewer in a container, with groups of elements marked by CSS class (the callers'
// stylesheets colour them). Returns the import failure, if any.
import { useEffect, useState, type RefObject } from 'react';
import NavigatedViewer from 'camunda-bpmn-js/lib/camunda-cloud/NavigatedViewer';
import 'camunda-bpmn-js/dist/assets/camunda-cloud-navigated-viewer.css';

/** Element ids and the marker class they get. */
export type Marks = [ids: string[], marker: string][];

interface Canvas {
  addMarker(id: string, marker: string): void;
  zoom(level: 'fit-viewport'): void;
}

export function useMarkedViewer(
  container: RefObject<HTMLDivElement | null>,
  xml: string,
  marks: Marks,
): string | null {
  const [failure, setFailure] = useState<string | null>(null);
  // By content, so callers may pass a fresh array on each render without a new import.
  const marksKey = JSON.stringify(marks);
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
        for (const [ids, marker] of JSON.parse(marksKey) as Marks)
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
  }, [container, xml, marksKey]);
  return failure;
}
