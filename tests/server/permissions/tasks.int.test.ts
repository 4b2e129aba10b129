// Who may not, on the officers' inbox: the list, claim, unclaim and complete. A task is seen by its agency's
// officers of its candidate groups (or its assignee); anyone else gets 404, with the store and the engine
// untouched. The review tasks hold real jobs of the embedded engine, activated through zeebe-node as the
// user-task bridge does, so the allowed completion reaches the engine.
import { Types } from 'mongoose';
import { AgencyModel } from '../../../server/models/Agency';
import { TaskModel } from '../../../server/models/Task';
import { buildDossierWorld, baDinhCode, hoanKiemCode, type DossierWorld } from './support/dossier-world';
import { startPermissionSystem, type Caller, type PermissionSystem } from './support/permission-system';
import { roleMatrix, testRefusals, type RefusedCall } from './support/refused-calls';

interface TaskWorld extends DossierWorld {
  tasks: {
    /** Hoàn Kiếm's specialists' review, unclaimed, a real job. */
    review: string;
    /** Another real review job of the same dossier, for the variables a completion may not carry. */
    steering: string;
    /** Claimed by chuyenvien.hoankiem (groups chuyen-vien and mot-cua). */
    claimed: string;
    /** Hoàn Kiếm's leaders' signature. */
    sign: string;
    /** Ba Đình's counter task. */
    baDinh: string;
  };
}

let system: PermissionSystem;
let world: TaskWorld;

const reviewProcess = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="permissions-review" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="Review" name="Thẩm định hồ sơ">
      <bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="chuyen-vien" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="Review" />
    <bpmn:sequenceFlow id="f2" sourceRef="Review" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

/** Two review jobs activated the way the user-task bridge activates them; returns their keys. */
async function activatedReviewJobs(): Promise<{ jobKey: string; processInstanceKey: string }[]> {
  await system.engine.deployProcess('permissions-review.bpmn', reviewProcess);
  for (let i = 0; i < 2; i++) {
    await system.engine.createInstance({ bpmnProcessId: 'permissions-review', variables: {} });
  }
  const jobs: { jobKey: string; processInstanceKey: string }[] = [];
  for (let attempt = 0; jobs.length < 2 && attempt < 50; attempt++) {
    const activated = await system.engine.zeebe.activateJobs({
      type: 'io.camunda.zeebe:userTask',
      worker: 'permissions-test',
      timeout: 600_000,
      maxJobsToActivate: 2 - jobs.length,
      requestTimeout: 1000,
    });
    jobs.push(
      ...activated.map((j) => ({ jobKey: String(j.key), processInstanceKey: String(j.processInstanceKey) })),
    );
  }
  if (jobs.length < 2) throw new Error('the review jobs were not activated');
  return jobs;
}

beforeAll(async () => {
  system = await startPermissionSystem();
  const dossiers = await buildDossierWorld(system);
  const [hoanKiem, baDinh] = await Promise.all(
    [hoanKiemCode, baDinhCode].map(
      async (code) => (await AgencyModel.findOne({ code }, { _id: 1 }).lean())!._id,
    ),
  );
  const [review, steering] = await activatedReviewJobs();
  let fakeKey = 9_000_000;
  const row = async (fields: {
    job?: { jobKey: string; processInstanceKey: string };
    dossier: { id: string; code: string };
    agency: Types.ObjectId;
    elementId: string;
    candidateGroups: string[];
    assignee?: string;
  }) => {
    const { job, dossier, ...rest } = fields;
    const created = await TaskModel.create({
      jobKey: job?.jobKey ?? String(fakeKey++),
      processInstanceKey: job?.processInstanceKey ?? '2251799813685249',
      bpmnProcessId: 'permissions-review',
      name: 'Thẩm định hồ sơ',
      dossier: new Types.ObjectId(dossier.id),
      dossierCode: dossier.code,
      candidateUsers: [],
      state: 'open',
      ...rest,
    });
    return created._id.toHexString();
  };
  world = {
    ...dossiers,
    tasks: {
      review: await row({
        job: review,
        dossier: dossiers.hoanKiem,
        agency: hoanKiem!,
        elementId: 'Review',
        candidateGroups: ['chuyen-vien'],
      }),
      steering: await row({
        job: steering,
        dossier: dossiers.hoanKiem,
        agency: hoanKiem!,
        elementId: 'Review',
        candidateGroups: ['chuyen-vien'],
        assignee: 'chuyenvien.hoankiem',
      }),
      claimed: await row({
        dossier: dossiers.hoanKiem,
        agency: hoanKiem!,
        elementId: 'Review',
        candidateGroups: ['chuyen-vien', 'mot-cua'],
        assignee: 'chuyenvien.hoankiem',
      }),
      sign: await row({
        dossier: dossiers.hoanKiem,
        agency: hoanKiem!,
        elementId: 'Sign',
        candidateGroups: ['lanh-dao'],
      }),
      baDinh: await row({
        dossier: dossiers.baDinh,
        agency: baDinh!,
        elementId: 'Review',
        candidateGroups: ['mot-cua'],
      }),
    },
  };
});
afterAll(() => system.close());

const context = () => ({ system, world, secrets: world.secrets });
type TaskName = keyof TaskWorld['tasks'];
const action = (
  who: Caller,
  what: string,
  verb: 'claim' | 'unclaim' | 'complete',
  task: TaskName,
  status: number,
  variables: (w: TaskWorld) => Record<string, unknown> = () => ({}),
): RefusedCall<TaskWorld> => ({
  who,
  what,
  method: 'POST',
  path: (w) => `/api/tasks/${w.tasks[task]}/${verb}`,
  body: (w) => (verb === 'complete' ? { variables: variables(w) } : {}),
  status,
});

describe('tasks: role refusals', () => {
  testRefusals(
    context,
    roleMatrix<'tasks', TaskWorld>('tasks', {
      list: { path: () => '/api/tasks' },
      claim: { path: (w) => `/api/tasks/${w.tasks.review}/claim`, body: () => ({}) },
      unclaim: { path: (w) => `/api/tasks/${w.tasks.claimed}/unclaim`, body: () => ({}) },
      complete: { path: (w) => `/api/tasks/${w.tasks.review}/complete`, body: () => ({ variables: {} }) },
    }),
  );
});

describe("tasks: another agency's or group's tasks do not exist for the caller", () => {
  testRefusals(context, [
    action('tiepnhan.badinh', "claims Hoàn Kiếm's review", 'claim', 'review', 404),
    action('tiepnhan.badinh', "completes Hoàn Kiếm's review", 'complete', 'review', 404),
    action('tiepnhan.badinh', "hands back Hoàn Kiếm's claimed task", 'unclaim', 'claimed', 404),
    action('lanhdao.congan', "the police leader claims Hoàn Kiếm's review", 'claim', 'review', 404),
    action(
      'lanhdao.congan',
      "the police leader hands back Hoàn Kiếm's claimed task",
      'unclaim',
      'claimed',
      404,
    ),
    action('chuyenvien.congan', "the police officer completes Hoàn Kiếm's review", 'complete', 'review', 404),
    action('chuyenvien.hoankiem', "completes Ba Đình's task", 'complete', 'baDinh', 404),
    action('tiepnhan.hoankiem', "the counter claims the specialists' review", 'claim', 'review', 404),
    action('tiepnhan.hoankiem', "the counter completes the leaders' signature", 'complete', 'sign', 404),
    action('chuyenvien.hoankiem', "a specialist claims the leaders' signature", 'claim', 'sign', 404),
    action('tiepnhan.hoankiem', "takes a colleague's claimed task away", 'unclaim', 'claimed', 403),
    action('tiepnhan.hoankiem', 'completes a task a colleague claimed', 'complete', 'claimed', 409),
  ]);
});

// Finding 1 of the security issue (branch h13-tasks closes it): a completion may carry only the variables the
// model declares for the task; the ones the system owns (which dossier, which agency) are refused with 400.
describe('tasks: a completion cannot steer the process to another dossier or agency', () => {
  testRefusals(context, [
    action(
      'chuyenvien.hoankiem',
      "completes his own review pointing the process at Ba Đình's dossier",
      'complete',
      'steering',
      400,
      (w) => ({ dossierId: w.baDinh.id, dossierCode: w.baDinh.code, agencyCode: baDinhCode }),
    ),
  ]);
});

test("the inbox lists the caller's agency and groups only", async () => {
  const ids = async (who: Caller) => {
    const response = await system.as[who].get('/api/tasks');
    expect(response.status).toBe(200);
    return (response.body.items as { _id: string }[]).map((t) => t._id).sort();
  };
  expect(await ids('tiepnhan.badinh')).toEqual([world.tasks.baDinh]);
  expect(await ids('chuyenvien.congan')).toEqual([]);
  expect(await ids('lanhdao.congan')).toEqual([]);
  expect(await ids('tiepnhan.hoankiem')).toEqual([world.tasks.claimed]);
  expect(await ids('lanhdao.hoankiem')).toEqual([world.tasks.sign]);
});

test('the allowed side of the same calls: the group claims and completes, the leader hands a task back', async () => {
  const as = system.as;
  expect((await as['chuyenvien.hoankiem'].post(`/api/tasks/${world.tasks.review}/claim`, {})).status).toBe(
    200,
  );
  const engineCalls = system.engineCalls.length;
  const completed = await as['chuyenvien.hoankiem'].post(`/api/tasks/${world.tasks.review}/complete`, {
    variables: {},
  });
  expect(completed.status).toBe(200);
  expect(system.engineCalls.slice(engineCalls).map((c) => c.command)).toEqual(['completeJob']);
  expect((await as['lanhdao.hoankiem'].post(`/api/tasks/${world.tasks.claimed}/unclaim`, {})).status).toBe(
    200,
  );
  expect((await as['lanhdao.hoankiem'].post(`/api/tasks/${world.tasks.sign}/claim`, {})).status).toBe(200);
});
