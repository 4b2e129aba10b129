// The app's only door to the workflow engine: one zeebe-node client built from config (ZEEBE_ADDRESS plus the
// OAuth variables zeebe-node reads itself for Camunda 8), with deploy, start, message and health, errors mapped.
// Workers take `zeebe` from here to register their job handlers on the same connection.
import { ZBClient, type JSONDoc } from 'zeebe-node';
import { EngineError, toEngineError } from './engine-errors';

export interface DeployedProcess {
  bpmnProcessId: string;
  version: number;
  processDefinitionKey: string;
  resourceName: string;
}

export interface DeployedDecision {
  decisionId: string;
  version: number;
  decisionKey: string;
  decisionRequirementsId: string;
}

export interface EngineHealth {
  reachable: boolean;
  address: string | null;
  gatewayVersion?: string;
  brokers?: number;
  detail?: string;
}

export interface EngineClient {
  readonly address: string;
  readonly zeebe: ZBClient;
  deployProcess(resourceName: string, bpmnXml: string): Promise<DeployedProcess[]>;
  /** Deploys a DMN resource (a procedure's decision tables, which its business rule tasks call). */
  deployDecision(resourceName: string, dmnXml: string): Promise<DeployedDecision[]>;
  createInstance(input: {
    bpmnProcessId: string;
    version?: number;
    variables: Record<string, unknown>;
  }): Promise<{ processInstanceKey: string; processDefinitionKey: string; version: number }>;
  publishMessage(input: {
    name: string;
    correlationKey: string;
    variables?: Record<string, unknown>;
    messageId?: string;
    timeToLiveMs?: number;
  }): Promise<void>;
  cancelInstance(processInstanceKey: string): Promise<void>;
  /**
   * Whether the instance is still live in the engine. Zeebe 8.3's gateway has no read of an instance, so this
   * sets no variables on it (an empty SetVariables): NOT_FOUND is the engine saying it has no such live instance.
   */
  instanceIsLive(processInstanceKey: string): Promise<boolean>;
  /** Completes a job the server holds open, e.g. a user task an officer finished. */
  completeJob(jobKey: string, variables: Record<string, unknown>): Promise<void>;
  health(timeoutMs?: number): Promise<EngineHealth>;
  close(): Promise<void>;
}

async function mapped<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toEngineError(error);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new EngineError('unavailable', `no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function createEngineClient(address: string, options: { secure?: boolean } = {}): EngineClient {
  const common = {
    loglevel: 'NONE' as const,
    ...(options.secure === undefined ? {} : { useTLS: options.secure }),
  };
  // Commands retry through short outages; the health probe must answer fast, so it never retries.
  const zeebe = new ZBClient(address, { ...common, retry: true, maxRetries: 5, maxRetryTimeout: 5000 });
  const probe = new ZBClient(address, { ...common, retry: false });

  return {
    address,
    zeebe,
    async deployProcess(resourceName, bpmnXml) {
      const response = await mapped(() =>
        zeebe.deployResource({ name: resourceName, process: Buffer.from(bpmnXml, 'utf8') }),
      );
      return response.deployments.map(({ process }) => ({
        bpmnProcessId: process.bpmnProcessId,
        version: process.version,
        processDefinitionKey: String(process.processDefinitionKey),
        resourceName: process.resourceName,
      }));
    },
    async deployDecision(resourceName, dmnXml) {
      const response = await mapped(() =>
        zeebe.deployResource({ name: resourceName, decision: Buffer.from(dmnXml, 'utf8') }),
      );
      return response.deployments.flatMap((d) =>
        'decision' in d
          ? [
              {
                decisionId: d.decision.dmnDecisionId,
                version: d.decision.version,
                decisionKey: String(d.decision.decisionKey),
                decisionRequirementsId: d.decision.dmnDecisionRequirementsId,
              },
            ]
          : [],
      );
    },
    async createInstance({ bpmnProcessId, version, variables }) {
      const response = await mapped(() =>
        zeebe.createProcessInstance({
          bpmnProcessId,
          variables: variables as JSONDoc,
          ...(version ? { version } : {}),
        }),
      );
      return {
        processInstanceKey: String(response.processInstanceKey),
        processDefinitionKey: String(response.processDefinitionKey),
        version: response.version,
      };
    },
    async publishMessage({ name, correlationKey, variables, messageId, timeToLiveMs }) {
      await mapped(() =>
        zeebe.publishMessage({
          name,
          correlationKey,
          variables: (variables ?? {}) as JSONDoc,
          ...(messageId ? { messageId } : {}),
          ...(timeToLiveMs !== undefined ? { timeToLive: timeToLiveMs } : {}),
        }),
      );
    },
    async cancelInstance(processInstanceKey) {
      await mapped(() => zeebe.cancelProcessInstance(processInstanceKey));
    },
    async instanceIsLive(processInstanceKey) {
      try {
        await mapped(() =>
          zeebe.setVariables({ elementInstanceKey: processInstanceKey, variables: {}, local: true }),
        );
        return true;
      } catch (error) {
        if (error instanceof EngineError && error.kind === 'not_found') return false;
        throw error;
      }
    },
    async completeJob(jobKey, variables) {
      await mapped(() => zeebe.completeJob({ jobKey, variables: variables as JSONDoc }));
    },
    async health(timeoutMs = 1500) {
      try {
        const topology = await withTimeout(
          mapped(() => probe.topology()),
          timeoutMs,
        );
        return {
          reachable: true,
          address,
          gatewayVersion: topology.gatewayVersion,
          brokers: topology.brokers.length,
        };
      } catch (error) {
        return { reachable: false, address, detail: toEngineError(error).message };
      }
    },
    async close() {
      await Promise.allSettled([zeebe.close(2000), probe.close(2000)]);
    },
  };
}
