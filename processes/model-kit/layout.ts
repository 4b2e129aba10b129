// Grid layout: shapes from grid cells, containers from their children, flows as orthogonal waypoints.
import type { Cell, Flow, FlowNode, ProcessModel } from './graph';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

const COL_WIDTH = 160;
const ROW_HEIGHT = 130;
const ORIGIN: Point = { x: 180, y: 110 };
const CONTAINER_PADDING = 45;

const SIZES: Record<FlowNode['kind'], { width: number; height: number }> = {
  start: { width: 36, height: 36 },
  end: { width: 36, height: 36 },
  'boundary-timer': { width: 36, height: 36 },
  service: { width: 100, height: 80 },
  rule: { width: 100, height: 80 },
  user: { width: 100, height: 80 },
  receive: { width: 100, height: 80 },
  xor: { width: 50, height: 50 },
  and: { width: 50, height: 50 },
  subprocess: { width: 0, height: 0 },
};

export function cellCentre(cell: Cell): Point {
  return { x: ORIGIN.x + cell.col * COL_WIDTH, y: ORIGIN.y + cell.row * ROW_HEIGHT };
}

export function rowY(row: number): number {
  return ORIGIN.y + row * ROW_HEIGHT;
}

function centreOf(b: Bounds): Point {
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** Bounds of every node, containers last so their children are known. Boundary events sit on the host. */
export function layoutShapes(model: ProcessModel): Map<string, Bounds> {
  const shapes = new Map<string, Bounds>();
  const place = (nodes: FlowNode[]): void => {
    for (const node of nodes) {
      if (node.kind === 'subprocess') {
        place(node.nodes);
        const inner = node.nodes
          .filter((n) => n.kind !== 'boundary-timer')
          .map((n) => shapes.get(n.id))
          .filter((b): b is Bounds => b !== undefined);
        if (inner.length === 0) throw new Error(`Tiến trình con ${node.id} không có phần tử nào`);
        const left = Math.min(...inner.map((b) => b.x)) - CONTAINER_PADDING;
        const top = Math.min(...inner.map((b) => b.y)) - CONTAINER_PADDING;
        const right = Math.max(...inner.map((b) => b.x + b.width)) + CONTAINER_PADDING;
        const bottom = Math.max(...inner.map((b) => b.y + b.height)) + CONTAINER_PADDING;
        shapes.set(node.id, { x: left, y: top, width: right - left, height: bottom - top });
      } else if (node.kind !== 'boundary-timer') {
        const size = SIZES[node.kind];
        const c = cellCentre(node.at);
        shapes.set(node.id, { x: c.x - size.width / 2, y: c.y - size.height / 2, ...size });
      }
    }
    for (const node of nodes) {
      if (node.kind !== 'boundary-timer') continue;
      const host = shapes.get(node.attachedTo);
      if (!host) throw new Error(`Sự kiện biên ${node.id} gắn vào ${node.attachedTo} không tồn tại`);
      shapes.set(node.id, {
        x: cellCentre(node.at).x - 18,
        y: host.y + host.height - 18,
        width: 36,
        height: 36,
      });
    }
  };
  place(model.nodes);
  return shapes;
}

function edgeToward(b: Bounds, y: number): number {
  return y > b.y + b.height / 2 ? b.y + b.height : b.y;
}

/** Orthogonal waypoints from source to target. */
export function routeFlow(
  flow: Flow,
  kinds: Map<string, FlowNode['kind']>,
  shapes: Map<string, Bounds>,
): Point[] {
  const s = shapes.get(flow.from);
  const t = shapes.get(flow.to);
  if (!s || !t) throw new Error(`Luồng ${flow.from} → ${flow.to} nối tới phần tử không tồn tại`);
  const sc = centreOf(s);
  const tc = centreOf(t);
  const sourceKind = kinds.get(flow.from);
  const targetKind = kinds.get(flow.to);
  const sRight = s.x + s.width;
  const tLeft = t.x;

  if (flow.viaRow !== undefined) {
    const y = rowY(flow.viaRow);
    return [
      { x: sc.x, y: edgeToward(s, y) },
      { x: sc.x, y },
      { x: tc.x, y },
      { x: tc.x, y: edgeToward(t, y) },
    ];
  }
  if (Math.abs(sc.x - tc.x) < 1) {
    return [
      { x: sc.x, y: edgeToward(s, tc.y) },
      { x: tc.x, y: edgeToward(t, sc.y) },
    ];
  }
  if (Math.abs(sc.y - tc.y) < 1 && t.x + t.width < s.x) {
    return [
      { x: s.x, y: sc.y },
      { x: t.x + t.width, y: tc.y },
    ];
  }
  // A container's flows meet its side at the neighbour's height when they can, so a main line stays straight.
  if (targetKind === 'subprocess' && sc.y > t.y && sc.y < t.y + t.height && tLeft > sRight) {
    return [
      { x: sRight, y: sc.y },
      { x: tLeft, y: sc.y },
    ];
  }
  if (sourceKind === 'subprocess' && tc.y > s.y && tc.y < s.y + s.height && tLeft > sRight) {
    return [
      { x: sRight, y: tc.y },
      { x: tLeft, y: tc.y },
    ];
  }
  if (Math.abs(sc.y - tc.y) < 1 && tLeft > sRight) {
    return [
      { x: sRight, y: sc.y },
      { x: tLeft, y: tc.y },
    ];
  }
  const sourceTurnsFirst = sourceKind === 'xor' || sourceKind === 'and' || sourceKind === 'boundary-timer';
  if (sourceTurnsFirst || tc.x <= sc.x) {
    const enterX = tc.x > sc.x ? tLeft : t.x + t.width;
    return [
      { x: sc.x, y: edgeToward(s, tc.y) },
      { x: sc.x, y: tc.y },
      { x: enterX, y: tc.y },
    ];
  }
  if (targetKind === 'xor' || targetKind === 'and') {
    return [
      { x: sRight, y: sc.y },
      { x: tc.x, y: sc.y },
      { x: tc.x, y: edgeToward(t, sc.y) },
    ];
  }
  const midX = (sRight + tLeft) / 2;
  return [
    { x: sRight, y: sc.y },
    { x: midX, y: sc.y },
    { x: midX, y: tc.y },
    { x: tLeft, y: tc.y },
  ];
}
