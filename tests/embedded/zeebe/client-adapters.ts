// The two Node clients a province may use against the engine — zeebe-node (8.3 proto) and @camunda8/sdk's gRPC
// client (8.5+ proto) — behind one small interface, so conformance scenarios are written once for both.
import { Camunda8 } from '@camunda8/sdk';
import type { ZBClient } from 'zeebe-node';
import { activate, type RawJob } from './support';

type ZeebeGrpcClient = ReturnType<Camunda8['getZeebeGrpcApiClient']>;
/** The sdk types variables as its JSONDoc; the scenarios pass plain JSON objects. */
const doc = (variables: Record<string, unknown>): never => variables as never;

export interface ActivateOptions {
  max?: number;
  timeout?: number;
  fetchVariable?: string[];
}

export interface GatewayClient {
  name: string;
  deploy(name: string, xml: string): Promise<string>;
  create(bpmnProcessId: string, variables: Record<string, unknown>): Promise<string>;
  createWithResult(
    bpmnProcessId: string,
    variables: Record<string, unknown>,
  ): Promise<Record<string, unknown>>;
  /** One activation, no long polling: [] when none is activatable. */
  activate(type: string, options?: ActivateOptions): Promise<RawJob[]>;
  complete(jobKey: string, variables: Record<string, unknown>): Promise<void>;
  fail(jobKey: string, retries: number, errorMessage: string, retryBackOff?: number): Promise<void>;
  throwError(jobKey: string, errorCode: string, errorMessage: string): Promise<void>;
  updateRetries(jobKey: string, retries: number): Promise<void>;
  publish(name: string, correlationKey: string, variables: Record<string, unknown>): Promise<void>;
  setVariables(elementInstanceKey: string, variables: Record<string, unknown>, local: boolean): Promise<void>;
  resolveIncident(incidentKey: string): Promise<void>;
  close(): Promise<void>;
}

/** The maintained client, configured as a province would for a plain engine: grpc:// address, no OAuth. */
export function camunda8Client(address: string): ZeebeGrpcClient {
  return new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://${address}`,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
    ZEEBE_CLIENT_LOG_LEVEL: 'NONE',
  } as never).getZeebeGrpcApiClient();
}

function processKeyOf(result: { deployments: unknown[] }): string {
  const first = result.deployments[0] as { process?: { processDefinitionKey: string } };
  return String(first.process?.processDefinitionKey ?? '');
}

/** Plain JSON of what the sdk parsed losslessly (its numbers may be LosslessNumber objects). */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function zeebeNodeAdapter(zbc: ZBClient): GatewayClient {
  return {
    name: 'zeebe-node',
    deploy: async (name, xml) => processKeyOf(await zbc.deployResource({ name, process: Buffer.from(xml) })),
    create: async (bpmnProcessId, variables) =>
      (await zbc.createProcessInstance({ bpmnProcessId, variables: doc(variables) })).processInstanceKey,
    createWithResult: async (bpmnProcessId, variables) =>
      (await zbc.createProcessInstanceWithResult({ bpmnProcessId, variables: doc(variables) })).variables,
    activate: (type, options) => activate(zbc, type, options),
    complete: (jobKey, variables) => zbc.completeJob({ jobKey, variables: doc(variables) }),
    fail: (jobKey, retries, errorMessage, retryBackOff = 0) =>
      zbc.failJob({ jobKey, retries, errorMessage, retryBackOff }),
    throwError: (jobKey, errorCode, errorMessage) => zbc.throwError({ jobKey, errorCode, errorMessage }),
    updateRetries: (jobKey, retries) => zbc.updateJobRetries({ jobKey, retries }),
    publish: async (name, correlationKey, variables) => {
      await zbc.publishMessage({ name, correlationKey, variables: doc(variables), timeToLive: 60000 });
    },
    setVariables: (elementInstanceKey, variables, local) =>
      zbc.setVariables({ elementInstanceKey, variables, local }),
    resolveIncident: (incidentKey) => zbc.resolveIncident({ incidentKey }),
    close: async () => {
      await zbc.close();
    },
  };
}

export function camunda8Adapter(zbc: ZeebeGrpcClient): GatewayClient {
  return {
    name: '@camunda8/sdk',
    deploy: async (name, xml) => processKeyOf(await zbc.deployResource({ name, process: Buffer.from(xml) })),
    create: async (bpmnProcessId, variables) =>
      String(
        (await zbc.createProcessInstance({ bpmnProcessId, variables: doc(variables) })).processInstanceKey,
      ),
    createWithResult: async (bpmnProcessId, variables) =>
      plain(
        (await zbc.createProcessInstanceWithResult({ bpmnProcessId, variables: doc(variables) })).variables,
      ),
    activate: async (type, options = {}) => {
      const jobs = await zbc.activateJobs({
        type,
        worker: 'test',
        timeout: options.timeout ?? 60000,
        maxJobsToActivate: options.max ?? 32,
        fetchVariable: options.fetchVariable ?? [],
        requestTimeout: -1,
      });
      return jobs.map((job) => plain(job) as unknown as RawJob);
    },
    complete: (jobKey, variables) => zbc.completeJob({ jobKey, variables: doc(variables) }),
    fail: (jobKey, retries, errorMessage, retryBackOff = 0) =>
      zbc.failJob({ jobKey, retries, errorMessage, retryBackOff }),
    throwError: (jobKey, errorCode, errorMessage) => zbc.throwError({ jobKey, errorCode, errorMessage }),
    updateRetries: (jobKey, retries) => zbc.updateJobRetries({ jobKey, retries }),
    publish: async (name, correlationKey, variables) => {
      await zbc.publishMessage({ name, correlationKey, variables: doc(variables), timeToLive: 60000 });
    },
    setVariables: (elementInstanceKey, variables, local) =>
      zbc.setVariables({ elementInstanceKey, variables, local }),
    resolveIncident: (incidentKey) => zbc.resolveIncident({ incidentKey }),
    close: async () => {
      await zbc.close();
    },
  };
}
