// What the inferred model types (server/models/model-type.ts) claim about a stored document, checked against the
// store over the wire: an optional path unset reads back absent (undefined, never null), a path whose default is
// null reads back null, a nested object with a required path is always there and one without may be absent, an
// inline array is always there. The typed lines below fail the type check if the inferred types drift from it.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mongoose, { Types } from 'mongoose';
import { startDocstore } from '../../../embedded/docstore';
import { AuditEventModel, type AuditEvent } from '../../../server/models/AuditEvent';
import { connectStore } from '../../../server/models/connect-store';
import { ProcedureModel, type Procedure, type ProcedureVersion } from '../../../server/models/Procedure';
import { TaskModel, type Task } from '../../../server/models/Task';

let dataDir: string;
let docstore: Awaited<ReturnType<typeof startDocstore>>;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'motcua-model-type-'));
  docstore = await startDocstore({ port: 0, dbpath: path.join(dataDir, 'docstore') });
  await connectStore(docstore.uri('motcua'));
});
afterAll(async () => {
  await mongoose.disconnect();
  await docstore.close();
  await rm(dataDir, { recursive: true, force: true });
});

test('an optional path left unset reads back absent, and a Mixed path is a record, never any', async () => {
  const created = await TaskModel.create({
    jobKey: '2251799813685249',
    processInstanceKey: '2251799813685250',
    bpmnProcessId: 'khai-sinh',
    elementId: 'tiep-nhan',
    name: 'Tiếp nhận hồ sơ',
    dossier: new Types.ObjectId(),
    dossierCode: '000.00.01.H26-250701-0001',
    agency: new Types.ObjectId(),
    variables: { hoTen: 'Nguyễn Văn A' },
  });
  const task: Task | null = await TaskModel.findById(created._id).lean();
  if (!task) throw new Error('the task was not stored');

  const assignee: string | undefined = task.assignee;
  expect(assignee).toBeUndefined();
  expect('assignee' in task).toBe(false);
  expect(task.completingBy).toBeUndefined();
  const groups: string[] = task.candidateGroups;
  expect(groups).toEqual([]);
  const variables: Record<string, unknown> | undefined = task.variables;
  expect(variables).toEqual({ hoTen: 'Nguyễn Văn A' });
  // @ts-expect-error a Mixed path is typed as a record of unknowns: its values need a check before use
  expect(task.variables?.hoTen.length).toBeGreaterThan(0);
});

test('a path whose default is null reads back null; nested objects and arrays are there as inferred', async () => {
  const created = await ProcedureModel.create({
    code: '1.000001',
    names: { vi: 'Đăng ký khai sinh' },
    field: { name: 'Hộ tịch' },
    level: 'commune',
  });
  const procedure: Procedure | null = await ProcedureModel.findById(created._id).lean();
  if (!procedure) throw new Error('the procedure was not stored');

  const published: number | null = procedure.publishedVersion;
  expect(published).toBeNull();
  const name: string = procedure.names.vi;
  expect(name).toBe('Đăng ký khai sinh');
  expect(procedure.names.en).toBeUndefined();
  const versions: ProcedureVersion[] = procedure.versions;
  expect(versions).toEqual([]);
  const agencies: Types.ObjectId[] = procedure.implementingAgencies;
  expect(agencies).toEqual([]);
});

test('a nested object with no required path may be absent; one with a required path is there', async () => {
  const created = await AuditEventModel.create({
    at: new Date('2026-07-01T02:00:00Z'),
    actor: { kind: 'anonymous' },
    action: 'auth.login',
    outcome: 'failure',
  });
  const event: AuditEvent | null = await AuditEventModel.findById(created._id).lean();
  if (!event) throw new Error('the audit event was not stored');

  const kind: 'user' | 'anonymous' | 'system' = event.actor.kind;
  expect(kind).toBe('anonymous');
  const target: { kind?: string; id?: string; key?: string } | undefined = event.target;
  expect(target).toBeUndefined();
  expect(event.details).toBeUndefined();
});
