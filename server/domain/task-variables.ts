// The variables an officer may complete a user task with: exactly those its model declares (the task form's
// fields, `decision` limited to what the gateway after the task routes, and the reasons those decisions need;
// processes/task-forms.ts), each checked by type and size. Any other name — the system's own (dossierId,
// agencyCode, deadlines…) above all — is refused with a 400 naming it, before the lock and the engine.
import type { ValidateFunction } from 'ajv';
import {
  DECISION_REQUIRES,
  SYSTEM_VARIABLES,
  taskVariables,
  type TaskVariables,
} from '../../processes/task-forms';
import { ApiError, type FieldError } from '../errors/api-error';
import { compileBody, fieldErrors } from '../api-schemas/request-validation';
import { DossierModel } from '../models/Dossier';
import type { Task } from '../models/Task';
import { processModel } from './procedure-version-model';

const systemVariables = new Set<string>(SYSTEM_VARIABLES);

/** What the task takes: from the model of its process (the dossier's procedure version, or the catalogue's for a
 * partner agency's share), or when neither holds it, from the form key the engine gave the task. */
async function variablesOfTask(task: Task): Promise<TaskVariables> {
  const dossier = await DossierModel.findById(task.dossier, {
    'procedure.code': 1,
    'procedure.version': 1,
  }).lean();
  const model = dossier
    ? await processModel(dossier.procedure.code, dossier.procedure.version, task.bpmnProcessId)
    : undefined;
  const modelled = model?.userTasks.get(`${task.bpmnProcessId}/${task.elementId}`);
  return modelled ? taskVariables(modelled.formKey, modelled.decisions) : taskVariables(task.formKey, []);
}

const validators = new Map<string, ValidateFunction>();

function typeCheck(allowed: TaskVariables): ValidateFunction {
  const key = JSON.stringify(allowed);
  let validate = validators.get(key);
  if (!validate) {
    validate = compileBody({
      type: 'object',
      properties: { ...allowed.fields, decision: { type: 'string', maxLength: 40 } },
    });
    validators.set(key, validate);
  }
  return validate;
}

function undeclared(name: string, allowed: TaskVariables): FieldError {
  if (systemVariables.has(name)) {
    return {
      path: `variables.${name}`,
      text: {
        vi: `Biến "${name}" do hệ thống quản lý, không được ghi khi hoàn thành nhiệm vụ`,
        en: `Variable "${name}" belongs to the system and cannot be set when completing a task`,
      },
    };
  }
  const names = [...(allowed.decisions.length ? ['decision'] : []), ...Object.keys(allowed.fields)];
  const list = names.join(', ');
  return {
    path: `variables.${name}`,
    text: names.length
      ? {
          vi: `Bước này không khai báo biến "${name}"; chỉ nhận: ${list}`,
          en: `This step does not declare variable "${name}"; it takes only: ${list}`,
        }
      : {
          vi: `Bước này không khai báo biến "${name}"; bước này không nhận biến nào`,
          en: `This step does not declare variable "${name}"; it takes no variables`,
        },
  };
}

function decisionProblem(decision: unknown, allowed: string[], required: boolean): FieldError | undefined {
  if (decision === undefined && !required) return undefined;
  if (typeof decision === 'string' && allowed.includes(decision)) return undefined;
  const list = allowed.join(', ');
  const given = typeof decision === 'string' ? `"${decision.slice(0, 40)}"` : undefined;
  return {
    path: 'variables.decision',
    text: {
      vi: given
        ? `Quyết định ${given} không có trong quy trình ở bước này; chọn một trong: ${list}`
        : `Cần chọn quyết định cho bước này: ${list}`,
      en: given
        ? `Decision ${given} is not routed by the process at this step; choose one of: ${list}`
        : `This step needs a decision: ${list}`,
    },
  };
}

/**
 * Refuses (400, every problem named by its `variables.<name>` path) a completion that sets a variable the task
 * does not declare, a declared one of the wrong type or size, a decision the task does not offer, or a refusal or
 * supplement without its reason. A decision is required where the gateway after the task routes on it.
 */
export async function assertTaskVariables(task: Task, variables: Record<string, unknown>): Promise<void> {
  const allowed = await variablesOfTask(task);
  const errors: FieldError[] = [];
  for (const name of Object.keys(variables)) {
    const declared = name === 'decision' ? allowed.decisions.length > 0 : Object.hasOwn(allowed.fields, name);
    if (!declared) errors.push(undeclared(name, allowed));
  }
  const validate = typeCheck(allowed);
  if (!validate(variables)) {
    const declaredErrors = fieldErrors(validate.errors, 'variables');
    errors.push(...declaredErrors.filter((e) => !errors.some((known) => known.path === e.path)));
  }
  if (allowed.decisions.length && !errors.some((e) => e.path === 'variables.decision')) {
    const problem = decisionProblem(variables.decision, allowed.decisions, allowed.decisionRequired);
    if (problem) errors.push(problem);
    else if (typeof variables.decision === 'string') {
      for (const name of DECISION_REQUIRES[variables.decision] ?? []) {
        if (variables[name] === undefined) errors.push({ path: `variables.${name}`, key: 'field_required' });
      }
    }
  }
  if (errors.length) throw new ApiError(400, 'validation_failed', {}, errors);
}
