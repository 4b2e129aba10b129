// The variables an officer may set when completing a user task, declared by the task's form (its
// `zeebe:formDefinition formKey`, which every shipped and designed model carries through the user-task templates)
// and by the decisions the gateway after it routes. Everything else in a process belongs to the system
// (CONTRACT.md): the server refuses any other name before the engine sees it.

/** A JSON Schema for one task variable (type and size). */
export type VariableSchema = Record<string, unknown>;

const reason: VariableSchema = { type: 'string', minLength: 1, maxLength: 2000 };

/** The fields a decision needs beside `decision` itself: the written reason of Mẫu 02/03, the leader's note. */
export const DECISION_FIELDS: Record<string, Record<string, VariableSchema>> = {
  approve: {},
  refuse: { refusalReason: reason },
  supplement: {
    supplementReason: reason,
    missingComponents: {
      type: 'array',
      maxItems: 50,
      items: { type: 'string', minLength: 1, maxLength: 100 },
    },
  },
  return: { returnReason: reason },
};

/** The written reason a decision cannot go without (the slip it leads to prints it). */
export const DECISION_REQUIRES: Record<string, string[]> = {
  refuse: ['refusalReason'],
  supplement: ['supplementReason'],
};

export interface TaskForm {
  /** The decisions the form offers when no gateway after the task routes any (a record or hand-over step). */
  decisions: string[];
  /** Fields other than `decision` and its reasons. */
  fields: Record<string, VariableSchema>;
}

/** The inbox's task forms by form key (CONTRACT.md, user-task form keys). */
export const INBOX_TASK_FORMS: Record<string, TaskForm> = {
  /** Specialist review: approve, supplement or refuse. */
  'mot-cua:quyet-dinh-tham-dinh': { decisions: ['approve', 'supplement', 'refuse'], fields: {} },
  /** Leader sign-off: approve, send back or refuse. */
  'mot-cua:quyet-dinh-ky-duyet': { decisions: ['approve', 'return', 'refuse'], fields: {} },
  /** A step recorded on the approve path (site inspection, a partner's own step): it changes no route. */
  'mot-cua:ghi-nhan-ket-qua-buoc': { decisions: ['approve'], fields: {} },
  /** The result handed to the applicant: how it left and who took it. */
  'mot-cua:tra-ket-qua': {
    decisions: ['approve'],
    fields: {
      returnChannel: { type: 'string', enum: ['counter', 'post', 'online'] },
      receivedBy: { type: 'string', minLength: 1, maxLength: 200 },
    },
  },
};

/**
 * Variables the system sets and workers read (CONTRACT.md): which dossier, procedure and agency an instance is
 * about, its deadlines and the workers' results. No form may declare one.
 */
export const SYSTEM_VARIABLES = [
  'dossierId',
  'dossierCode',
  'procedureCode',
  'agencyCode',
  'channel',
  'accepted',
  'declarationProblems',
  'appointmentAt',
  'dueAt',
  'warnAt',
  'stepDueAt',
  'feeAmount',
  'feePaid',
  'notified',
  'resultReadyAt',
  'completionTiming',
  'resultDocuments',
  'withdrawalReason',
  'overdueReason',
  'residenceDecision',
  'healthCardDecision',
  'funeralAllowanceDecision',
  'processTicket',
  'infrastructureFault',
  // The fee decision table's result and its inputs (CONTRACT.md).
  'feeDecision',
  'applicantCategory',
  'childBirthDate',
  'receivedOn',
] as const;

export interface TaskVariables {
  /** The decisions the officer may send; empty: `decision` is not a variable of this task. */
  decisions: string[];
  /** The gateway after the task routes on `decision`: the officer must send one. */
  decisionRequired: boolean;
  /** Every other variable the task takes, with its schema. */
  fields: Record<string, VariableSchema>;
}

/**
 * What a task takes: its form's fields, `decision` limited to the decisions its gateway routes (or its form's
 * own when no gateway routes one), and the reason each of those decisions needs. A task whose form key is not
 * one of ours takes only the decisions its gateway routes, with their reasons.
 */
export function taskVariables(formKey: string | undefined, routed: string[]): TaskVariables {
  const form = formKey ? INBOX_TASK_FORMS[formKey] : undefined;
  const decisions = routed.length ? routed : (form?.decisions ?? []);
  const fields: Record<string, VariableSchema> = { ...form?.fields };
  for (const decision of decisions) Object.assign(fields, DECISION_FIELDS[decision]);
  return { decisions, decisionRequired: routed.length > 0, fields };
}
