// The shortest timer a procedure may publish: a cycle or duration under a minute would fire the engine (and the
// workers behind it) again and again for nothing a one-stop shop needs. Checked on the diagram's own text; a
// FEEL timer computed from variables is only known at run time.
import type { FieldError } from '../errors/api-error';
import { elementLabel } from './diagram-element-names';

/** The floor for a timer cycle's interval and a timer duration. */
export const TIMER_FLOOR_MS = 60_000;
const floorMinutes = TIMER_FLOOR_MS / 60_000;

interface FormalExpression {
  body?: string;
}

interface FlowElement {
  $type: string;
  id: string;
  name?: string;
  flowElements?: FlowElement[];
  eventDefinitions?: {
    $type: string;
    timeCycle?: FormalExpression;
    timeDuration?: FormalExpression;
  }[];
}

const ISO_DURATION =
  /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Length of an ISO-8601 duration in ms, a month counted as 28 days; null when it is not one. */
function durationMs(text: string): number | null {
  const m = ISO_DURATION.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return null;
  const n = (i: number) => Number(m[i] ?? 0);
  const days = n(1) * 365 + n(2) * 28 + n(3) * 7 + n(4);
  return ((days * 24 + n(5)) * 60 * 60 + n(6) * 60 + n(7)) * 1000;
}

/** A 6-field cron (Zeebe's Spring cron) fires more than once a minute unless its seconds field is one second. */
function cronUnderFloor(text: string): boolean | null {
  const fields = text.split(/\s+/);
  if (fields.length !== 6) return null;
  return !/^\d+$/.test(fields[0] ?? '');
}

/** The static text of a timer: a value as written, or a FEEL string literal (`="R/PT1M"`); null otherwise. */
function staticText(body: string | undefined): string | null {
  const text = body?.trim();
  if (!text) return null;
  if (!text.startsWith('=')) return text;
  const literal = /^=\s*"([^"\\]*)"\s*$/.exec(text);
  return literal ? (literal[1] ?? '').trim() : null;
}

function intervalUnderFloor(kind: 'cycle' | 'duration', text: string): boolean {
  if (kind === 'cycle' && !text.startsWith('R')) return cronUnderFloor(text) === true;
  const interval = kind === 'cycle' ? (text.split('/').at(-1) ?? '') : text;
  const ms = durationMs(interval);
  return ms !== null && ms < TIMER_FLOOR_MS;
}

function* elementsOf(container: { flowElements?: FlowElement[] }): Generator<FlowElement> {
  for (const element of container.flowElements ?? []) {
    yield element;
    yield* elementsOf(element);
  }
}

/** Timers of the diagram's processes whose cycle interval or duration is under TIMER_FLOOR_MS. */
export function timerFloorProblems(processes: { flowElements?: FlowElement[] }[]): FieldError[] {
  const problems: FieldError[] = [];
  for (const process of processes) {
    for (const element of elementsOf(process)) {
      for (const definition of element.eventDefinitions ?? []) {
        if (definition.$type !== 'bpmn:TimerEventDefinition') continue;
        for (const kind of ['cycle', 'duration'] as const) {
          const text = staticText((kind === 'cycle' ? definition.timeCycle : definition.timeDuration)?.body);
          if (text === null || !intervalUnderFloor(kind, text)) continue;
          const named = elementLabel(element.id, element.name);
          const what = {
            cycle: ['chu kỳ hẹn giờ', 'timer cycle'],
            duration: ['thời hạn hẹn giờ', 'timer duration'],
          }[kind];
          problems.push({
            path: `bpmnXml#${element.id}`,
            text: {
              vi: `Phần tử ${named} có ${what[0]} "${text}" ngắn hơn mức tối thiểu ${floorMinutes} phút`,
              en: `Element ${named} has a ${what[1]} "${text}" shorter than the ${floorMinutes}-minute floor`,
            },
          });
        }
      }
    }
  }
  return problems;
}
