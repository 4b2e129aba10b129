// Deployment: resource types, atomic validation with Zeebe's message layout, versioning by process id.
import { createHash } from 'node:crypto';
import { BpmnParseError, parseBpmn } from '../bpmn/parse';
import type { ProcessModel } from '../bpmn/model';
import type { Engine } from './engine';
import { checkDmnPlans, deployDmn, planDmn, prepareDmn, type DmnPlan } from './decisions';
import { Rejection } from './rejection';
import * as events from './events';

export interface DeployCommand {
  type: 'deploy';
  now: number;
  resources: Array<{ name: string; content: string }>;
}

export type DeploymentEntry =
  | {
      process: { bpmnProcessId: string; version: number; processDefinitionKey: number; resourceName: string };
    }
  | { form: { formId: string; version: number; formKey: number; resourceName: string } }
  | {
      decision: {
        dmnDecisionId: string;
        dmnDecisionName: string;
        version: number;
        decisionKey: number;
        dmnDecisionRequirementsId: string;
        decisionRequirementsKey: number;
      };
    }
  | {
      decisionRequirements: {
        dmnDecisionRequirementsId: string;
        dmnDecisionRequirementsName: string;
        version: number;
        decisionRequirementsKey: number;
        resourceName: string;
      };
    };

type Parsed = ProcessModel[] | BpmnParseError;

const parsedCache = new Map<string, Parsed>();

function checksum(content: string): string {
  return createHash('md5').update(content).digest('hex');
}

function kindOf(name: string): 'bpmn' | 'dmn' | 'form' | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.bpmn') || lower.endsWith('.xml')) return 'bpmn';
  if (lower.endsWith('.dmn')) return 'dmn';
  if (lower.endsWith('.form')) return 'form';
  return undefined;
}

/** Parses BPMN and DMN resources ahead of the (synchronous) deploy command; the moddles parse asynchronously. */
export async function prepareDeploy(resources: Array<{ name: string; content: string }>): Promise<void> {
  for (const r of resources) {
    const kind = kindOf(r.name);
    if (kind === 'dmn') await prepareDmn(checksum(r.content), r.content);
    if (kind !== 'bpmn') continue;
    const sum = checksum(r.content);
    if (parsedCache.has(sum)) continue;
    try {
      parsedCache.set(sum, await parseBpmn(r.content));
    } catch (error) {
      if (!(error instanceof BpmnParseError)) throw error;
      parsedCache.set(sum, error);
    }
  }
}

export async function modelsOf(xml: string): Promise<ProcessModel[]> {
  await prepareDeploy([{ name: 'x.bpmn', content: xml }]);
  const parsed = parsedCache.get(checksum(xml));
  if (!parsed || parsed instanceof BpmnParseError) throw new Error('stored process no longer parses');
  return parsed;
}

function formatErrors(name: string, error: BpmnParseError): string {
  const byElement = new Map<string, string[]>();
  for (const e of error.errors) {
    const list = byElement.get(e.elementId) ?? [];
    list.push(e.message);
    byElement.set(e.elementId, list);
  }
  const parts = [...byElement.entries()].map(([id, messages]) => {
    const lines = messages.map((m) => `    - ERROR: ${m}`).join('\n');
    return id === '' ? messages.map((m) => `- ${m}`).join('\n') : `- Element: ${id}\n${lines}`;
  });
  return `'${name}': ${parts.join('\n')}`;
}

export function deploy(engine: Engine, cmd: DeployCommand): { key: number; deployments: DeploymentEntry[] } {
  if (cmd.resources.length === 0) {
    throw new Rejection(
      'INVALID_ARGUMENT',
      'CREATE',
      'Expected to deploy at least one resource, but none given',
    );
  }
  const errors: string[] = [];
  const plans: Array<{
    name: string;
    content: string;
    sum: string;
    models?: ProcessModel[];
    formId?: string;
  }> = [];
  const dmnPlans: DmnPlan[] = [];
  for (const r of cmd.resources) {
    const kind = kindOf(r.name);
    const sum = checksum(r.content);
    if (kind === undefined) {
      errors.push(`'${r.name}': unknown resource type`);
    } else if (kind === 'dmn') {
      const plan = planDmn(r, sum, errors);
      if (plan) dmnPlans.push(plan);
    } else if (kind === 'form') {
      let formId: unknown;
      try {
        formId = (JSON.parse(r.content) as { id?: unknown }).id;
      } catch (error) {
        errors.push(`'${r.name}': Failed to parse form JSON: ${(error as Error).message}`);
        continue;
      }
      if (typeof formId !== 'string' || formId === '')
        errors.push(`'${r.name}': Expected the form to have an 'id'`);
      else plans.push({ name: r.name, content: r.content, sum, formId });
    } else {
      const parsed = parsedCache.get(sum);
      if (!parsed) throw new Error('deploy without prepareDeploy');
      if (parsed instanceof BpmnParseError) errors.push(formatErrors(r.name, parsed));
      else plans.push({ name: r.name, content: r.content, sum, models: parsed });
    }
  }
  checkDmnPlans(engine, dmnPlans, errors);
  if (errors.length > 0) {
    throw new Rejection(
      'INVALID_ARGUMENT',
      'CREATE',
      `Expected to deploy new resources, but encountered the following errors:\n${errors.join('\n')}`,
    );
  }
  const s = engine.state;
  const deploymentKey = engine.nextKey();
  const deployments: DeploymentEntry[] = [];
  for (const plan of plans) {
    if (plan.formId !== undefined) {
      const latestKey = s.latestForm[plan.formId];
      const latest = latestKey !== undefined ? s.forms[latestKey] : undefined;
      if (latest && latest.checksum === plan.sum && latest.resourceName === plan.name) {
        deployments.push({
          form: {
            formId: latest.formId,
            version: latest.version,
            formKey: latest.key,
            resourceName: plan.name,
          },
        });
        continue;
      }
      const key = engine.nextKey();
      const version = (latest?.version ?? 0) + 1;
      s.forms[key] = { key, formId: plan.formId, version, resourceName: plan.name, checksum: plan.sum };
      s.latestForm[plan.formId] = key;
      deployments.push({ form: { formId: plan.formId, version, formKey: key, resourceName: plan.name } });
      continue;
    }
    for (const model of plan.models ?? []) {
      const latestKey = s.latest[model.id];
      const latest = latestKey !== undefined ? s.processes[latestKey] : undefined;
      if (latest && latest.checksum === plan.sum && latest.resourceName === plan.name) {
        deployments.push({
          process: {
            bpmnProcessId: model.id,
            version: latest.version,
            processDefinitionKey: latest.key,
            resourceName: plan.name,
          },
        });
        continue;
      }
      const key = engine.nextKey();
      const version = Math.max(latest?.version ?? 0, s.deletedProcessVersions?.[model.id] ?? 0) + 1;
      s.processes[key] = {
        key,
        bpmnProcessId: model.id,
        version,
        resourceName: plan.name,
        checksum: plan.sum,
        xml: plan.content,
        deploymentKey,
        deployedAt: cmd.now,
      };
      s.latest[model.id] = key;
      engine.models.set(key, model);
      if (latest) {
        for (const t of Object.values(s.timers)) {
          if (t.kind === 'start' && t.processDefinitionKey === latest.key) delete s.timers[t.key];
        }
      }
      events.scheduleStartTimers(engine, key, model);
      deployments.push({
        process: { bpmnProcessId: model.id, version, processDefinitionKey: key, resourceName: plan.name },
      });
    }
  }
  // Zeebe answers processes, then decisions, then decision requirements, then forms.
  const decisionEntries = dmnPlans.flatMap((plan) => deployDmn(engine, plan, deploymentKey, cmd.now));
  const ordered = [
    ...decisionEntries.filter((d) => 'decision' in d),
    ...decisionEntries.filter((d) => 'decisionRequirements' in d),
  ];
  const firstForm = deployments.findIndex((d) => 'form' in d);
  deployments.splice(firstForm < 0 ? deployments.length : firstForm, 0, ...ordered);
  return { key: deploymentKey, deployments };
}
