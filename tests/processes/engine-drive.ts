// Drives procedure models on the embedded engine: job workers for every contract job type and the user tasks,
// answering from a per-dossier script, and a log of every job they completed.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZBClient } from 'zeebe-node';
import { startEngine, type RunningEngine } from '../../embedded/zeebe';
import { advanceClock, inspectionOf } from '../embedded/zeebe/inspect-client';
import { JOB_TYPES as MODEL_JOB_TYPES } from '../../processes/model-kit/job-types';
import { decisionFiles, modelFiles } from './model-files';

export interface JobRecord {
  dossierCode: string;
  bpmnProcessId: string;
  type: string;
  elementId: string;
  headers: Record<string, string>;
}

export interface DossierScript {
  /** `accepted` reported by each intake run, in order (default true). */
  intake?: boolean[];
  /** Decisions per user task element id, consumed in order (default approve). */
  decisions?: Record<string, string[]>;
  dueAt?: string;
  warnAt?: string;
  /** User tasks whose completion waits for this promise (to keep the timed scope open). */
  hold?: Promise<void>;
}

const USER_TASK = 'io.camunda.zeebe:userTask';
const JOB_TYPES = Object.values(MODEL_JOB_TYPES).map((spec) => spec.type);
const FAR_FUTURE = '2099-12-31T17:00:00+07:00';

export class EngineDrive {
  readonly log: JobRecord[] = [];
  readonly scripts = new Map<string, DossierScript>();

  private constructor(
    readonly engine: RunningEngine,
    readonly zbc: ZBClient,
    private readonly dataDir: string,
  ) {}

  static async start(): Promise<EngineDrive> {
    const dataDir = await mkdtemp(join(tmpdir(), 'processes-engine-'));
    const engine = await startEngine({ port: 0, inspectPort: 0, dataDir, clock: 'controlled' });
    const zbc = new ZBClient(engine.address, { usePlainText: true, loglevel: 'NONE' } as never);
    return new EngineDrive(engine, zbc, dataDir);
  }

  async deployAll(): Promise<string[]> {
    const deployed: string[] = [];
    for (const table of decisionFiles()) {
      await this.zbc.deployResource({ name: table.file, decision: Buffer.from(table.xml) });
    }
    for (const model of modelFiles()) {
      const result = await this.zbc.deployResource({ name: model.file, process: Buffer.from(model.xml) });
      for (const d of result.deployments) {
        const process = (d as { process?: { bpmnProcessId: string } }).process;
        if (process) deployed.push(process.bpmnProcessId);
      }
    }
    return deployed;
  }

  startWorkers(): void {
    for (const type of [...JOB_TYPES, USER_TASK]) {
      this.zbc.createWorker({
        taskType: type,
        pollInterval: 50,
        timeout: 10_000,
        taskHandler: async (job) => {
          const variables = job.variables as Record<string, unknown>;
          const dossierCode = String(variables.dossierCode);
          const headers = job.customHeaders as Record<string, string>;
          this.log.push({
            dossierCode,
            bpmnProcessId: job.bpmnProcessId,
            type,
            elementId: job.elementId,
            headers,
          });
          return job.complete(await this.answer(type, job.elementId, headers, variables));
        },
      });
    }
  }

  private async answer(
    type: string,
    elementId: string,
    headers: Record<string, string>,
    variables: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const dossierCode = String(variables.dossierCode);
    const script = this.scripts.get(dossierCode) ?? {};
    switch (type) {
      case 'dossier.intake': {
        const accepted = script.intake?.shift() ?? true;
        return { accepted, missingComponents: accepted ? [] : ['giay-chung-sinh'] };
      }
      case 'dossier.deadline':
        if (headers.action === 'compute' || headers.action === 'resume') {
          const due = { dueAt: script.dueAt ?? FAR_FUTURE, warnAt: script.warnAt ?? FAR_FUTURE };
          return headers.step ? { ...due, stepDueAt: due.dueAt } : due;
        }
        return {};
      case 'dossier.transfer': {
        // What the real worker does: publish the message on the dossier code, carrying what the receiver needs.
        const carried =
          headers.direction === 'forward'
            ? {
                dossierCode,
                dossierId: variables.dossierId,
                procedureCode: variables.procedureCode,
                agencyCode: headers.toAgencyRole,
              }
            : { decision: variables.decision };
        await this.zbc.publishMessage({
          name: headers.messageName ?? '',
          correlationKey: dossierCode,
          messageId: `${dossierCode}:${headers.messageName}`,
          timeToLive: 60_000,
          variables: carried,
        });
        return {};
      }
      case USER_TASK:
        if (script.hold) await script.hold;
        return { decision: script.decisions?.[elementId]?.shift() ?? 'approve' };
      default:
        return {};
    }
  }

  jobsOf(dossierCode: string): JobRecord[] {
    return this.log.filter((r) => r.dossierCode === dossierCode);
  }

  async waitFor(predicate: () => boolean, what: string, limitMs = 15_000): Promise<void> {
    const start = Date.now();
    while (!predicate()) {
      if (Date.now() - start > limitMs) throw new Error(`Hết thời gian chờ: ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async advanceClock(ms: number): Promise<void> {
    await advanceClock(inspectionOf(this.engine), ms);
  }

  async close(): Promise<void> {
    await this.zbc.close();
    await this.engine.close();
    await rm(this.dataDir, { recursive: true, force: true });
  }
}
