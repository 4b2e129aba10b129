// Task: the officers' inbox mirror of one activated Zeebe user task (`io.camunda.zeebe:userTask` job), kept by
// the user-task bridge; claimed and completed through the API.
import { Schema, model, type Types } from 'mongoose';

export const taskStates = ['open', 'completed', 'cancelled'] as const;

export interface Task {
  _id: Types.ObjectId;
  /** Zeebe job key of the user task: the handle used to complete it. */
  jobKey: string;
  processInstanceKey: string;
  bpmnProcessId: string;
  elementId: string;
  name: string;
  formKey?: string;
  dossier: Types.ObjectId;
  dossierCode: string;
  agency: Types.ObjectId;
  candidateGroups: string[];
  candidateUsers: string[];
  assignee?: string;
  dueAt?: Date;
  followUpAt?: Date;
  state: (typeof taskStates)[number];
  variables?: Record<string, unknown>;
  /** Set while one officer's completion is on its way to the engine, so a second one waits its turn. */
  completingAt?: Date;
  /** Who that is: the workers record the step the completion leads to as theirs, even before it is stored. */
  completingBy?: { userId: Types.ObjectId; username: string };
  completedAt?: Date;
  completedBy?: Types.ObjectId;
  result?: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}

const taskSchema = new Schema<Task>(
  {
    jobKey: { type: String, required: true, unique: true },
    processInstanceKey: { type: String, required: true },
    bpmnProcessId: { type: String, required: true },
    elementId: { type: String, required: true },
    name: { type: String, required: true },
    formKey: String,
    dossier: { type: Schema.Types.ObjectId, ref: 'Dossier', required: true, index: true },
    dossierCode: { type: String, required: true },
    agency: { type: Schema.Types.ObjectId, ref: 'Agency', required: true },
    candidateGroups: { type: [String], default: [] },
    candidateUsers: { type: [String], default: [] },
    assignee: String,
    dueAt: Date,
    followUpAt: Date,
    state: { type: String, required: true, enum: taskStates, default: 'open' },
    variables: Schema.Types.Mixed,
    completingAt: Date,
    completingBy: {
      type: new Schema(
        { userId: { type: Schema.Types.ObjectId, ref: 'User' }, username: String },
        { _id: false },
      ),
      default: undefined,
    },
    completedAt: Date,
    completedBy: { type: Schema.Types.ObjectId, ref: 'User' },
    result: Schema.Types.Mixed,
  },
  { timestamps: true, strict: 'throw' },
);
// Inbox queries: an agency's open tasks by group, by due date; a person's claimed tasks.
taskSchema.index({ agency: 1, state: 1, candidateGroups: 1, dueAt: 1 });
taskSchema.index({ assignee: 1, state: 1, dueAt: 1 });
// The workers find the officer whose completion led to their step among the instance's tasks.
taskSchema.index({ processInstanceKey: 1, elementId: 1 });

export const TaskModel = model<Task>('Task', taskSchema);
