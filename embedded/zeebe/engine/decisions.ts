// Decisions on the engine: DMN resources parsed ahead of the (synchronous) deploy command, deployed as Zeebe
// versions them (a DRG by its definitions' id, each decision by its own id), and evaluated by id or key.
import { inFeelScope } from '../feel';
import { evaluateDecision, type DecisionEvaluation } from '../dmn/evaluate';
import type { DecisionRequirementsModel } from '../dmn/model';
import { DmnParseError, parseDmn } from '../dmn/parse';
import type { DeploymentEntry } from './deploy';
import type { Engine } from './engine';
import { Rejection } from './rejection';
import type { DecisionDefinition } from './state';

const parsedCache = new Map<string, DecisionRequirementsModel | DmnParseError>();

/** Parses a DMN resource once per content (by checksum); the deploy command reads the result. */
export async function prepareDmn(sum: string, content: string): Promise<void> {
  if (parsedCache.has(sum)) return;
  try {
    parsedCache.set(sum, await parseDmn(content));
  } catch (error) {
    if (!(error instanceof DmnParseError)) throw error;
    parsedCache.set(sum, error);
  }
}

export interface DmnPlan {
  name: string;
  content: string;
  sum: string;
  drg: DecisionRequirementsModel;
}

/** The deploy check of one DMN resource: it parsed; returns its plan or pushes the problem. */
export function planDmn(
  r: { name: string; content: string },
  sum: string,
  errors: string[],
): DmnPlan | undefined {
  const parsed = parsedCache.get(sum);
  if (!parsed) throw new Error('deploy without prepareDeploy');
  if (parsed instanceof DmnParseError) {
    errors.push(`'${r.name}': ${parsed.message}`);
    return undefined;
  }
  return { name: r.name, content: r.content, sum, drg: parsed };
}

/** Ids must be unique within a deployment, and a decision stays in the DRG it was first deployed with. */
export function checkDmnPlans(engine: Engine, plans: DmnPlan[], errors: string[]): void {
  const drgIn = new Map<string, string>();
  const decisionIn = new Map<string, string>();
  for (const plan of plans) {
    const drgId = plan.drg.id;
    const other = drgIn.get(drgId);
    if (other !== undefined)
      errors.push(
        `Expected the decision requirements ids to be unique within a deployment but found a duplicated id '${drgId}' in the resources '${other}' and '${plan.name}'.`,
      );
    drgIn.set(drgId, plan.name);
    for (const decision of plan.drg.decisions) {
      const before = decisionIn.get(decision.id);
      if (before !== undefined)
        errors.push(
          `Expected the decision ids to be unique within a deployment but found a duplicated id '${decision.id}' in the resources '${before}' and '${plan.name}'.`,
        );
      decisionIn.set(decision.id, plan.name);
      const latestKey = engine.state.latestDecision[decision.id];
      const latest = latestKey !== undefined ? engine.state.decisions[latestKey] : undefined;
      if (latest && latest.decisionRequirementsId !== drgId)
        errors.push(
          `'${plan.name}': Expected the decision '${decision.id}' to be in the decision requirements '${latest.decisionRequirementsId}' it was deployed with, but found it in '${drgId}'`,
        );
    }
  }
}

function decisionEntry(d: DecisionDefinition): DeploymentEntry {
  return {
    decision: {
      dmnDecisionId: d.decisionId,
      dmnDecisionName: d.name,
      version: d.version,
      decisionKey: d.key,
      dmnDecisionRequirementsId: d.decisionRequirementsId,
      decisionRequirementsKey: d.decisionRequirementsKey,
    },
  };
}

/**
 * Deploys one DRG: a new version unless its latest one has the same content and resource name (then Zeebe
 * answers with the deployed versions). Returns its decisions' entries, then the DRG's.
 */
export function deployDmn(
  engine: Engine,
  plan: DmnPlan,
  deploymentKey: number,
  now: number,
): DeploymentEntry[] {
  const s = engine.state;
  const latestKey = s.latestDecisionRequirements[plan.drg.id];
  const latest = latestKey !== undefined ? s.decisionRequirements[latestKey] : undefined;
  const drgEntry = (key: number, version: number): DeploymentEntry => ({
    decisionRequirements: {
      dmnDecisionRequirementsId: plan.drg.id,
      dmnDecisionRequirementsName: plan.drg.name,
      version,
      decisionRequirementsKey: key,
      resourceName: plan.name,
    },
  });
  if (latest && latest.checksum === plan.sum && latest.resourceName === plan.name) {
    const decisions = Object.values(s.decisions).filter((d) => d.decisionRequirementsKey === latest.key);
    return [...decisions.map(decisionEntry), drgEntry(latest.key, latest.version)];
  }
  const key = engine.nextKey();
  const version = (latest?.version ?? 0) + 1;
  s.decisionRequirements[key] = {
    key,
    decisionRequirementsId: plan.drg.id,
    name: plan.drg.name,
    version,
    resourceName: plan.name,
    checksum: plan.sum,
    xml: plan.content,
    deploymentKey,
    deployedAt: now,
  };
  s.latestDecisionRequirements[plan.drg.id] = key;
  engine.drgs.set(key, plan.drg);
  const entries: DeploymentEntry[] = [];
  for (const decision of plan.drg.decisions) {
    const previous = s.latestDecision[decision.id];
    const decisionKey = engine.nextKey();
    const definition: DecisionDefinition = {
      key: decisionKey,
      decisionId: decision.id,
      name: decision.name,
      version: (previous !== undefined ? (s.decisions[previous]?.version ?? 0) : 0) + 1,
      decisionRequirementsKey: key,
      decisionRequirementsId: plan.drg.id,
    };
    s.decisions[decisionKey] = definition;
    s.latestDecision[decision.id] = decisionKey;
    entries.push(decisionEntry(definition));
  }
  return [...entries, drgEntry(key, version)];
}

/** After loading a snapshot: the parsed DRG of every deployed DMN resource. */
export async function recoverDrgs(engine: Engine): Promise<void> {
  for (const def of Object.values(engine.state.decisionRequirements)) {
    engine.drgs.set(def.key, await parseDmn(def.xml));
  }
}

export interface DecisionResult extends DecisionEvaluation {
  decision: DecisionDefinition;
  /** the deployed definition of each evaluated decision, by id, in the same DRG */
  definitions: Map<string, DecisionDefinition>;
}

export function latestDecision(engine: Engine, decisionId: string): DecisionDefinition | undefined {
  const latestKey = engine.state.latestDecision[decisionId];
  return latestKey !== undefined ? engine.state.decisions[latestKey] : undefined;
}

/** The decision a request names: the latest version of an id, else exactly a key. */
export function findDecision(
  engine: Engine,
  by: { decisionId: string; decisionKey: number },
): DecisionDefinition {
  const s = engine.state;
  if (by.decisionId !== '') {
    const decision = latestDecision(engine, by.decisionId);
    if (!decision)
      throw new Rejection(
        'NOT_FOUND',
        'EVALUATE',
        `Expected to evaluate decision '${by.decisionId}', but no decision found for id '${by.decisionId}'`,
      );
    return decision;
  }
  if (!(by.decisionKey > 0))
    throw new Rejection(
      'INVALID_ARGUMENT',
      'EVALUATE',
      'Expected either a decision id or a valid decision key, but none provided',
    );
  const decision = s.decisions[by.decisionKey];
  if (!decision)
    throw new Rejection(
      'NOT_FOUND',
      'EVALUATE',
      `Expected to evaluate decision with key '${by.decisionKey}', but no decision found for key '${by.decisionKey}'`,
    );
  return decision;
}

/** Evaluates a deployed decision within the running command's FEEL budget (replay stops the same cells). */
export function evaluateDeployedInCommand(
  engine: Engine,
  decision: DecisionDefinition,
  variables: Record<string, unknown>,
): DecisionEvaluation {
  const drg = engine.drgs.get(decision.decisionRequirementsKey);
  if (!drg) throw new Error(`decision requirements ${decision.decisionRequirementsKey} not loaded`);
  return evaluateDecision(drg, decision.decisionId, variables);
}

/** Evaluates a deployed decision for EvaluateDecision: a FEEL budget of its own, no state changed, not logged. */
export function evaluateDeployed(
  engine: Engine,
  decision: DecisionDefinition,
  variables: Record<string, unknown>,
): DecisionResult {
  const evaluation = inFeelScope(() => evaluateDeployedInCommand(engine, decision, variables));
  const definitions = new Map(
    Object.values(engine.state.decisions)
      .filter((d) => d.decisionRequirementsKey === decision.decisionRequirementsKey)
      .map((d) => [d.decisionId, d]),
  );
  return { ...evaluation, decision, definitions };
}
