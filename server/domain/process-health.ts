// A dossier's machine health (the system's trouble with it, not the officers'): an incident, a machine step
// stalled past its budget, or a process instance the engine no longer has. The vocabulary, its Vietnamese
// labels, and how the officers' views show it (the technical message only to leaders and admins).
import type { Lang } from '../errors/messages';

export const processHealthStates = {
  incident: { vi: 'Lỗi xử lý', en: 'Processing error' },
  stalled: { vi: 'Đang chờ hệ thống', en: 'Waiting for the system' },
  missing: { vi: 'Đang chờ hệ thống', en: 'Waiting for the system' },
} as const;
export type ProcessHealthState = keyof typeof processHealthStates;

export interface ProcessHealth {
  state: ProcessHealthState;
  since: Date;
  /** The BPMN element the trouble is at, when known. */
  elementId?: string;
  message?: string;
}

/** The longest message kept: an error's text can be a stack's worth. */
export const HEALTH_MESSAGE_MAX = 1000;

export function healthMessage(text: string): string {
  return text.length > HEALTH_MESSAGE_MAX ? `${text.slice(0, HEALTH_MESSAGE_MAX - 1)}…` : text;
}

export function processHealthView(
  health: ProcessHealth | undefined,
  lang: Lang,
  viewer: { roles: readonly string[] },
) {
  if (!health) return undefined;
  const seesMessage = viewer.roles.includes('admin') || viewer.roles.includes('leader');
  return {
    state: health.state,
    label: processHealthStates[health.state][lang],
    since: health.since,
    ...(health.elementId ? { elementId: health.elementId } : {}),
    ...(seesMessage && health.message ? { message: health.message } : {}),
  };
}
