// A dossier's machine health (the system's trouble with it, not the officers'): an incident, a machine step
// stalled past its budget, or a process instance the engine no longer has. The vocabulary and its labels, read by
// the Dossier model, the API schemas and the views (server/domain/process-health.ts).
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
