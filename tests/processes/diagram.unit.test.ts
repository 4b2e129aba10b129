// Every model carries a complete diagram (so it opens laid out in bpmn-js) without shapes on top of each other.
import { modelFiles } from './model-files';
import { descendants, parseXml } from './xml-tree';

const NODE =
  /^bpmn:(startEvent|endEvent|serviceTask|userTask|receiveTask|exclusiveGateway|parallelGateway|subProcess|boundaryEvent|intermediateCatchEvent)$/;

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe.each(modelFiles().map((m) => [`${m.folder}/${m.file}`, m.xml] as const))('%s', (_name, xml) => {
  const all = descendants(parseXml(xml));
  const nodes = all.filter((e) => NODE.test(e.name));
  const flows = all.filter((e) => e.name === 'bpmn:sequenceFlow');
  const shapes = new Map(
    all.filter((e) => e.name === 'bpmndi:BPMNShape').map((e) => [e.attrs.bpmnElement, e]),
  );
  const edges = new Map(all.filter((e) => e.name === 'bpmndi:BPMNEdge').map((e) => [e.attrs.bpmnElement, e]));

  test('every flow node has a shape and every sequence flow an edge with waypoints', () => {
    expect(nodes.length).toBeGreaterThan(10);
    for (const node of nodes) expect(shapes.has(node.attrs.id)).toBe(true);
    for (const flow of flows) {
      expect(
        edges.get(flow.attrs.id)?.children.filter((c) => c.name === 'di:waypoint').length,
      ).toBeGreaterThanOrEqual(2);
    }
  });

  test('no two shapes overlap, except a boundary event on its host and a container around its content', () => {
    const parentOf = new Map<string, string>();
    for (const sub of all.filter((e) => e.name === 'bpmn:subProcess')) {
      for (const inner of descendants(sub).filter((e) => NODE.test(e.name))) {
        if (!parentOf.has(inner.attrs.id ?? '')) parentOf.set(inner.attrs.id ?? '', sub.attrs.id ?? '');
      }
    }
    const hostOf = new Map(
      all
        .filter((e) => e.name === 'bpmn:boundaryEvent')
        .map((e) => [e.attrs.id ?? '', e.attrs.attachedToRef ?? '']),
    );
    const containsOrHosts = (a: string, b: string): boolean => {
      for (let p = parentOf.get(b); p; p = parentOf.get(p)) if (p === a) return true;
      return hostOf.get(b) === a;
    };
    const boxes: Box[] = nodes.map((n) => {
      const bounds = shapes.get(n.attrs.id)?.children.find((c) => c.name === 'dc:Bounds')?.attrs ?? {};
      return {
        id: n.attrs.id ?? '',
        x: Number(bounds.x),
        y: Number(bounds.y),
        width: Number(bounds.width),
        height: Number(bounds.height),
      };
    });
    const clashes: string[] = [];
    boxes.forEach((a, i) => {
      for (const b of boxes.slice(i + 1)) {
        if (overlaps(a, b) && !containsOrHosts(a.id, b.id) && !containsOrHosts(b.id, a.id))
          clashes.push(`${a.id} × ${b.id}`);
      }
    });
    expect(clashes).toEqual([]);
  });
});
