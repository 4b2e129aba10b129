// The Zeebe gateway service over gRPC, from the 8.5+ proto bundled with @camunda8/sdk, loaded unchanged (a
// superset of zeebe-node's 8.3 one with the same field numbers, so both clients speak to it).
import path from 'node:path';
import { createRequire } from 'node:module';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import type { Runtime } from '../runtime';
import { Rejection, InvalidArgument } from '../engine/rejection';
import { evaluateDeployed, findDecision } from '../engine/decisions';
import { prepareDeploy, type DeploymentEntry } from '../engine/deploy';
import type { Job } from '../engine/state';
import { evaluateDecisionResponse } from './decision-response';
import { LongPolls } from './long-polls';
import { JobStreams } from './job-streams';
import { takeNewlyActivatable } from '../engine/jobs';
import { checkTenant, DEFAULT_TENANT, parseVariables, pick, toNumber } from './values';

type Req = Record<string, unknown> & {
  [key: string]: unknown;
};
type Unary = grpc.ServerUnaryCall<Req, unknown>;
type Callback = grpc.sendUnaryData<unknown>;

const VERSION = '8.3.0';

function protoPath(): string {
  const require = createRequire(__filename);
  return path.join(
    path.dirname(require.resolve('@camunda8/sdk/package.json')),
    'dist',
    'proto',
    'zeebe.proto',
  );
}

export function toServiceError(error: unknown): grpc.ServiceError {
  if (error instanceof Rejection) {
    return Object.assign(new Error(error.message), {
      code: error.status,
      details: error.message,
      metadata: new grpc.Metadata(),
    });
  }
  if (error instanceof InvalidArgument) {
    return Object.assign(new Error(error.message), {
      code: 3,
      details: error.message,
      metadata: new grpc.Metadata(),
    });
  }
  const message = `Unexpected error: ${(error as Error).message}`;
  return Object.assign(new Error(message), { code: 13, details: message, metadata: new grpc.Metadata() });
}

export function activatedJob(runtime: Runtime, job: Job, fetch: string[]): Record<string, unknown> {
  const vars = pick(runtime.engine.visible(job.elementInstanceKey), fetch);
  return {
    key: String(job.key),
    type: job.type,
    processInstanceKey: String(job.processInstanceKey),
    bpmnProcessId: job.bpmnProcessId,
    processDefinitionVersion: job.version,
    processDefinitionKey: String(job.processDefinitionKey),
    elementId: job.elementId,
    elementInstanceKey: String(job.elementInstanceKey),
    customHeaders: JSON.stringify(job.customHeaders),
    worker: job.worker,
    retries: job.retries,
    deadline: String(job.deadline),
    variables: JSON.stringify(vars),
    tenantId: DEFAULT_TENANT,
  };
}

/** What the gateway served since it started: calls by RPC name and jobs pushed to job streams. */
export interface GatewayStats {
  calls: Record<string, number>;
  pushedJobs: number;
}

interface ResultWaiter {
  callback: Callback;
  fetch: string[];
  timer: NodeJS.Timeout;
  response: Record<string, unknown>;
}

export class GatewayServer {
  private server = new grpc.Server();
  private polls: LongPolls;
  private streams: JobStreams;
  private calls: Record<string, number> = {};
  private resultWaiters = new Map<number, ResultWaiter>();
  private typesToServe = new Set<string>();
  private serveScheduled = false;

  constructor(private readonly runtime: Runtime) {
    this.polls = new LongPolls(runtime);
    this.streams = new JobStreams(runtime);
    // Jobs recovery made activatable are not pushed: Zeebe pushes only what becomes activatable while a
    // stream is open (workers poll once for the rest, as @camunda8/sdk's streamJobs does).
    takeNewlyActivatable(runtime.engine);
    runtime.onChange(() => this.onChange());
    // Jobs created by the commands of a log group are activated for waiting polls in that same group, so
    // the activation shares the creating command's fdatasync instead of waiting for a second one.
    runtime.beforeFlush(() => this.serveWaitingPolls());
    const definition = protoLoader.loadSync(protoPath(), {
      keepCase: true,
      longs: String,
      enums: String,
      defaults: true,
      oneofs: true,
    });
    const proto = grpc.loadPackageDefinition(definition) as unknown as {
      gateway_protocol: { Gateway: { service: grpc.ServiceDefinition } };
    };
    this.server.addService(proto.gateway_protocol.Gateway.service, this.counted(this.handlers()));
  }

  stats(): GatewayStats {
    return { calls: { ...this.calls }, pushedJobs: this.streams.pushed };
  }

  private counted(handlers: grpc.UntypedServiceImplementation): grpc.UntypedServiceImplementation {
    const out: grpc.UntypedServiceImplementation = {};
    for (const [name, handler] of Object.entries(handlers)) {
      out[name] = ((...args: unknown[]) => {
        this.calls[name] = (this.calls[name] ?? 0) + 1;
        return (handler as (...a: unknown[]) => unknown)(...args);
      }) as grpc.UntypedHandleCall;
    }
    return out;
  }

  listen(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.bindAsync(`${host}:${port}`, grpc.ServerCredentials.createInsecure(), (error, bound) =>
        error ? reject(error) : resolve(bound),
      );
    });
  }

  close(): Promise<void> {
    this.polls.closeAll();
    this.streams.closeAll();
    for (const waiter of this.resultWaiters.values()) clearTimeout(waiter.timer);
    this.resultWaiters.clear();
    return new Promise((resolve) => {
      this.server.tryShutdown(() => resolve());
      setTimeout(() => {
        this.server.forceShutdown();
        resolve();
      }, 500).unref();
    });
  }

  private onChange(): void {
    const engine = this.runtime.engine;
    const ended = engine.endedInstances;
    engine.endedInstances = [];
    for (const { key, completed } of ended) {
      const waiter = this.resultWaiters.get(key);
      if (!waiter || !completed) continue;
      this.resultWaiters.delete(key);
      clearTimeout(waiter.timer);
      const variables = pick({ ...(engine.state.variables[key] ?? {}) }, waiter.fetch);
      const response = { ...waiter.response, variables: JSON.stringify(variables) };
      void this.runtime.durable().then(() => waiter.callback(null, response));
    }
    if (engine.jobTypesAvailable.size > 0) {
      for (const type of engine.jobTypesAvailable) this.typesToServe.add(type);
      engine.jobTypesAvailable.clear();
      // Serve waiting polls once per event-loop turn, so jobs created by one batch of calls share a response
      // (usually from the log's beforeFlush, which runs first; this is the fallback).
      if (!this.serveScheduled) {
        this.serveScheduled = true;
        setImmediate(() => {
          this.serveScheduled = false;
          this.serveWaitingPolls();
        });
      }
    }
  }

  private serveWaitingPolls(): void {
    const newlyActivatable = takeNewlyActivatable(this.runtime.engine);
    if (newlyActivatable.length > 0) this.streams.push(newlyActivatable);
    if (this.typesToServe.size === 0) return;
    const types = [...this.typesToServe];
    this.typesToServe.clear();
    this.polls.serve(types);
  }

  /** Runs a command, answers after the log is durable. */
  private unary(call: Unary, callback: Callback, build: (req: Req) => unknown): void {
    let response: unknown;
    try {
      response = build(call.request);
    } catch (error) {
      callback(toServiceError(error));
      return;
    }
    this.runtime.durable().then(
      () => callback(null, response),
      (error: unknown) => callback(toServiceError(error)),
    );
  }

  private handlers(): grpc.UntypedServiceImplementation {
    const rt = this.runtime;
    const str = (v: unknown): string => (typeof v === 'string' ? v : '');
    return {
      Topology: (_call: Unary, callback: Callback) => {
        callback(null, {
          brokers: [
            {
              nodeId: 0,
              host: '127.0.0.1',
              port: 26501,
              partitions: [{ partitionId: 1, role: 'LEADER', health: 'HEALTHY' }],
              version: VERSION,
            },
          ],
          clusterSize: 1,
          partitionsCount: 1,
          replicationFactor: 1,
          gatewayVersion: VERSION,
        });
      },
      ActivateJobs: (call: grpc.ServerWritableStream<Req, unknown>) => this.polls.activate(call),
      StreamActivatedJobs: (call: grpc.ServerWritableStream<Req, unknown>) => this.streams.open(call),
      UpdateJobTimeout: (call: Unary, callback: Callback) =>
        this.unary(call, callback, (req) => {
          rt.execute({
            type: 'updateTimeout',
            jobKey: toNumber(str(req.jobKey)),
            timeout: toNumber(str(req.timeout)),
          });
          return {};
        }),
      MigrateProcessInstance: (_call: Unary, callback: Callback) =>
        callback(unimplemented('MigrateProcessInstance is not supported by this engine yet')),
      DeployResource: (call: Unary, callback: Callback) => this.deploy(call, callback, 'resource'),
      DeployProcess: (call: Unary, callback: Callback) => this.deploy(call, callback, 'process'),
      CreateProcessInstance: (call: Unary, callback: Callback) =>
        this.unary(call, callback, (req) => this.create(req)),
      CreateProcessInstanceWithResult: (call: Unary, callback: Callback) =>
        this.createWithResult(call, callback),
      CompleteJob: (call: Unary, callback: Callback) =>
        this.unary(call, callback, (req) => {
          rt.execute({
            type: 'complete',
            jobKey: toNumber(str(req.jobKey)),
            variables: parseVariables(str(req.variables)),
          });
          return {};
        }),
      FailJob: (call: Unary, callback: Callback) =>
        this.unary(call, callback, (req) => {
          rt.execute({
            type: 'fail',
            jobKey: toNumber(str(req.jobKey)),
            retries: Number(req.retries ?? 0),
            errorMessage: str(req.errorMessage),
            backoff: toNumber(str(req.retryBackOff)),
            variables: parseVariables(str(req.variables)),
          });
          return {};
        }),
      ThrowError: (call: Unary, callback: Callback) =>
        this.unary(call, callback, (req) => {
          rt.execute({
            type: 'throwError',
            jobKey: toNumber(str(req.jobKey)),
            errorCode: str(req.errorCode),
            errorMessage: str(req.errorMessage),
            variables: parseVariables(str(req.variables)),
          });
          return {};
        }),
      UpdateJobRetries: (call: Unary, callback: Callback) =>
        this.unary(call, callback, (req) => {
          rt.execute({
            type: 'updateRetries',
            jobKey: toNumber(str(req.jobKey)),
            retries: Number(req.retries ?? 0),
          });
          return {};
        }),
      SetVariables: (call: Unary, callback: Callback) =>
        this.unary(call, callback, (req) => {
          const result = rt.execute({
            type: 'setVariables',
            elementInstanceKey: toNumber(str(req.elementInstanceKey)),
            variables: parseVariables(str(req.variables)),
            local: req.local === true,
          });
          return { key: result.type === 'key' ? String(result.key) : '0' };
        }),
      PublishMessage: (call: Unary, callback: Callback) =>
        this.unary(call, callback, (req) => {
          checkTenant(str(req.tenantId), 'PublishMessage');
          const result = rt.execute({
            type: 'publish',
            name: str(req.name),
            correlationKey: str(req.correlationKey),
            ttl: toNumber(str(req.timeToLive)),
            messageId: str(req.messageId),
            variables: parseVariables(str(req.variables)),
          });
          return { key: result.type === 'key' ? String(result.key) : '0', tenantId: DEFAULT_TENANT };
        }),
      CancelProcessInstance: (call: Unary, callback: Callback) =>
        this.unary(call, callback, (req) => {
          rt.execute({ type: 'cancel', processInstanceKey: toNumber(str(req.processInstanceKey)) });
          return {};
        }),
      ResolveIncident: (call: Unary, callback: Callback) =>
        this.unary(call, callback, (req) => {
          rt.execute({ type: 'resolve', incidentKey: toNumber(str(req.incidentKey)) });
          return {};
        }),
      BroadcastSignal: (call: Unary, callback: Callback) =>
        this.unary(call, callback, (req) => {
          const result = rt.execute({
            type: 'signal',
            name: str(req.signalName),
            variables: parseVariables(str(req.variables)),
          });
          return { key: result.type === 'key' ? String(result.key) : '0' };
        }),
      ModifyProcessInstance: (call: Unary, callback: Callback) =>
        this.unary(call, callback, (req) => {
          const activate = ((req.activateInstructions as Req[] | undefined) ?? []).map((a) => ({
            elementId: str(a.elementId),
            ancestorKey: toNumber(str(a.ancestorElementInstanceKey)),
            variables: ((a.variableInstructions as Req[] | undefined) ?? []).map((v) => ({
              scopeId: str(v.scopeId),
              variables: parseVariables(str(v.variables)),
            })),
          }));
          const terminate = ((req.terminateInstructions as Req[] | undefined) ?? []).map((t) =>
            toNumber(str(t.elementInstanceKey)),
          );
          rt.execute({
            type: 'modify',
            processInstanceKey: toNumber(str(req.processInstanceKey)),
            activate,
            terminate,
          });
          return {};
        }),
      EvaluateDecision: (call: Unary, callback: Callback) =>
        this.unary(call, callback, (req) => {
          checkTenant(str(req.tenantId), 'EvaluateDecision');
          const by = { decisionId: str(req.decisionId), decisionKey: toNumber(str(req.decisionKey)) };
          const variables = parseVariables(str(req.variables));
          const decision = findDecision(rt.engine, by);
          return evaluateDecisionResponse(evaluateDeployed(rt.engine, decision, variables));
        }),
      DeleteResource: (call: Unary, callback: Callback) => {
        const key = toNumber(str(call.request.resourceKey));
        const s = rt.engine.state;
        if (s.decisionRequirements[key] || s.forms[key]) {
          callback(
            unimplemented(
              `Deleting decision requirements or forms is not supported by this engine yet (resource '${key}'); only process definitions can be deleted`,
            ),
          );
          return;
        }
        this.unary(call, callback, () => {
          rt.execute({ type: 'deleteProcess', processDefinitionKey: key });
          return {};
        });
      },
    };
  }

  private create(req: Req): Record<string, unknown> {
    checkTenant(typeof req.tenantId === 'string' ? req.tenantId : '', 'CreateProcessInstance');
    const result = this.runtime.execute({
      type: 'create',
      bpmnProcessId: typeof req.bpmnProcessId === 'string' ? req.bpmnProcessId : '',
      version: req.version === undefined ? -1 : Number(req.version),
      processDefinitionKey: toNumber(req.processDefinitionKey as string),
      variables: parseVariables(req.variables as string),
      startElementIds: ((req.startInstructions as Req[] | undefined) ?? []).map((s) =>
        String(s.elementId ?? ''),
      ),
    });
    if (result.type !== 'create') throw new Error('unexpected result');
    return {
      processDefinitionKey: String(result.processDefinitionKey),
      bpmnProcessId: result.bpmnProcessId,
      version: result.version,
      processInstanceKey: String(result.processInstanceKey),
      tenantId: DEFAULT_TENANT,
    };
  }

  private createWithResult(call: Unary, callback: Callback): void {
    const req = call.request;
    const inner = (req.request as Req | undefined) ?? {};
    let response: Record<string, unknown>;
    const timeoutMs =
      toNumber(req.requestTimeout as string) > 0 ? toNumber(req.requestTimeout as string) : 15000;
    const fetch = (req.fetchVariables as string[] | undefined) ?? [];
    try {
      response = this.create(inner);
    } catch (error) {
      callback(toServiceError(error));
      return;
    }
    const key = Number(response.processInstanceKey);
    const timer = setTimeout(() => {
      this.resultWaiters.delete(key);
      const message = `Time out between gateway and broker: Request ProcessInstanceCreationWithResult timed out in PT${timeoutMs / 1000}S`;
      callback(
        Object.assign(new Error(message), { code: 4, details: message, metadata: new grpc.Metadata() }),
      );
    }, timeoutMs);
    this.resultWaiters.set(key, { callback, fetch, timer, response });
    const engine = this.runtime.engine;
    const root = engine.el(key);
    if (root?.state === 'COMPLETED') {
      engine.endedInstances.push({ key, completed: true });
      this.onChange();
    }
  }

  private deploy(call: Unary, callback: Callback, kind: 'resource' | 'process'): void {
    const req = call.request;
    let resources: Array<{ name: string; content: string }>;
    try {
      if (kind === 'resource')
        checkTenant(typeof req.tenantId === 'string' ? req.tenantId : '', 'DeployResource');
      const raw = ((kind === 'resource' ? req.resources : req.processes) as Req[] | undefined) ?? [];
      resources = raw.map((r) => ({
        name: String(r.name ?? ''),
        content: Buffer.from((kind === 'resource' ? r.content : r.definition) as Buffer).toString('utf8'),
      }));
    } catch (error) {
      callback(toServiceError(error));
      return;
    }
    prepareDeploy(resources).then(
      () =>
        this.unary(call, callback, () => {
          const result = this.runtime.execute({ type: 'deploy', resources });
          if (result.type !== 'deploy') throw new Error('unexpected result');
          return kind === 'resource'
            ? deployResponse(result.key, result.deployments)
            : deployProcessResponse(result.key, result.deployments);
        }),
      (error: unknown) => callback(toServiceError(error)),
    );
  }
}

function unimplemented(message: string): grpc.ServiceError {
  return Object.assign(new Error(message), { code: 12, details: message, metadata: new grpc.Metadata() });
}

function deployResponse(key: number, deployments: DeploymentEntry[]): Record<string, unknown> {
  return {
    key: String(key),
    tenantId: DEFAULT_TENANT,
    deployments: deployments.map((d) => {
      if ('process' in d)
        return {
          process: {
            ...d.process,
            processDefinitionKey: String(d.process.processDefinitionKey),
            tenantId: DEFAULT_TENANT,
          },
        };
      if ('decision' in d)
        return {
          decision: {
            ...d.decision,
            decisionKey: String(d.decision.decisionKey),
            decisionRequirementsKey: String(d.decision.decisionRequirementsKey),
            tenantId: DEFAULT_TENANT,
          },
        };
      if ('decisionRequirements' in d)
        return {
          decisionRequirements: {
            ...d.decisionRequirements,
            decisionRequirementsKey: String(d.decisionRequirements.decisionRequirementsKey),
            tenantId: DEFAULT_TENANT,
          },
        };
      return { form: { ...d.form, formKey: String(d.form.formKey), tenantId: DEFAULT_TENANT } };
    }),
  };
}

function deployProcessResponse(key: number, deployments: DeploymentEntry[]): Record<string, unknown> {
  return {
    key: String(key),
    processes: deployments
      .filter((d): d is Extract<DeploymentEntry, { process: unknown }> => 'process' in d)
      .map((d) => ({
        ...d.process,
        processDefinitionKey: String(d.process.processDefinitionKey),
        tenantId: DEFAULT_TENANT,
      })),
  };
}
