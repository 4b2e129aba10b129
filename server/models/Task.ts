// Task: the officers' inbox mirror of one activated Zeebe user task (`io.camunda.zeebe:userTask` job), kept by
// the user-task bridge; claimed and completed through the API.
import { Schema, model } from 'mongoose';
import { schemaFields, schemaOptions, subSchema, typed, type StoredDocument } from './model-type';

export const taskStates = ['open', 'completed', 'cancelled'] as const;

const completingBySchema = subSchema(
  { userId: { type: Schema.Types.ObjectId, ref: 'User' }, username: String },
  { _id: false },
);

const taskFields = schemaFields({
  /** Zeebe job key of the user task: the handle used to complete it. */
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
  state: { type: String, required: true, enum: taskStates, default: 'open' as const },
  variables: typed<Record<string, unknown>>()({ type: Schema.Types.Mixed }),
  /** Set while one officer's completion is on its way to the engine, so a second one waits its turn. */
  completingAt: Date,
  /** Who that is: the workers record the step the completion leads to as theirs, even before it is stored. */
  completingBy: { type: completingBySchema, default: undefined },
  completedAt: Date,
  completedBy: { type: Schema.Types.ObjectId, ref: 'User' },
  result: typed<Record<string, unknown>>()({ type: Schema.Types.Mixed }),
});
const taskOptions = schemaOptions({ timestamps: true, strict: 'throw' });

export type Task = StoredDocument<typeof taskFields, typeof taskOptions>;

const taskSchema = new Schema<Task>(taskFields, taskOptions);
// Inbox queries: an agency's open tasks by group, by due date; a person's claimed tasks.
taskSchema.index({ agency: 1, state: 1, candidateGroups: 1, dueAt: 1 });
taskSchema.index({ assignee: 1, state: 1, dueAt: 1 });
// The workers find the officer whose completion led to their step among the instance's tasks.
taskSchema.index({ processInstanceKey: 1, elementId: 1 });

export const TaskModel = model<Task>('Task', taskSchema);
