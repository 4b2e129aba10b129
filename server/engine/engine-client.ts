// The app's only door to the workflow engine: one zeebe-node client built from config (ZEEBE_ADDRESS plus the
// OAuth variables zeebe-node reads itself for Camunda 8), with deploy, start, message and health, errors mapped.
// Workers take `zeebe` from here to register their job handlers on the same connection.
import { ZBClient, type Deployment, type DeployResourceResponse, type JSONDoc } from 'zeebe-node';
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
  /**
   * Deploys BPMN and DMN resources in one deployment (the engine takes all or refuses all), as publishing a
   * procedure version needs: a refused table must not leave its diagram deployed, nor the reverse.
   */
  deployResources(resources: { name: string; xml: string }[]): Promise<{
    processes: DeployedProcess[];
    decisions: DeployedDecision[];
  }>;
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

type DeployResponse = DeployResourceResponse<Deployment>;
type DeploymentItem = Deployment;

function deployedProcesses(items: DeploymentItem[]): DeployedProcess[] {
  return items.flatMap((d) =>
    'process' in d
      ? [
          {
            bpmnProcessId: d.process.bpmnProcessId,
            version: d.process.version,
            processDefinitionKey: String(d.process.processDefinitionKey),
            resourceName: d.process.resourceName,
          },
        ]
      : [],
  );
}

function deployedDecisions(items: DeploymentItem[]): DeployedDecision[] {
  return items.flatMap((d) =>
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
}

/**
 * zeebe-node 8.3's deployResource sends one resource per DeployResource call, though the gateway's command takes
 * a list and deploys it atomically; its gRPC client (with the connection's TLS and OAuth) sends the list here.
 */
interface MultiResourceDeploy {
  grpc: {
    deployResourceSync(request: {
      resources: { name: string; content: Buffer }[];
      tenantId?: string;
    }): Promise<DeployResponse>;
  };
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
      return deployedDecisions(response.deployments);
    },
    async deployResources(resources) {
      const { grpc } = zeebe as unknown as MultiResourceDeploy;
      const response = await mapped(() =>
        grpc.deployResourceSync({
          resources: resources.map((r) => ({ name: r.name, content: Buffer.from(r.xml, 'utf8') })),
        }),
      );
      return {
        processes: deployedProcesses(response.deployments),
        decisions: deployedDecisions(response.deployments),
      };
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
