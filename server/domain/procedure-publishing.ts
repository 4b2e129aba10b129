// Publishing a draft version: its BPMN must parse as Zeebe BPMN with the version's process id and keep its
// timers above the floor, its forms must exist and compile, the decisions its business rule tasks call must be
// among its tables; then the diagram and its tables are deployed to the engine in one deployment (whose refusal
// of either is the designer's 422, nothing deployed) and it becomes the version in force (the one before is
// retired). Dossiers already received keep the version they copied.
import { BpmnModdle } from 'bpmn-moddle';
import zeebeSchema from 'zeebe-bpmn-moddle/resources/zeebe.json';
import type { EngineClient } from '../engine/engine-client';
import { ApiError, notFound, type FieldError } from '../errors/api-error';
import type { AuthUser } from '../auth/caller';
import { ProcedureModel, type ProcedureVersion } from '../models/Procedure';
import { deployRejectionProblems, isInvalidDeployment } from './deploy-rejection';
import { findForm, schemaProblem } from './form-designs';
import { timerFloorProblems } from './timer-floor';
import { decisionProblems, decisionRejectionProblems } from './version-decisions';

const moddle = new BpmnModdle({ zeebe: zeebeSchema });
const fieldText = (path: string, vi: string, en: string): FieldError => ({ path, text: { vi, en } });

interface ParsedRoot {
  rootElements?: (Parameters<typeof timerFloorProblems>[0][number] & {
    $type: string;
    id: string;
    isExecutable?: boolean;
  })[];
}

export async function bpmnProblems(version: ProcedureVersion): Promise<FieldError[]> {
  const xml = version.bpmnXml;
  if (!xml)
    return [fieldText('bpmnXml', 'Phiên bản chưa có sơ đồ quy trình', 'The version has no process diagram')];
  if (/<!DOCTYPE|<!ENTITY/i.test(xml))
    return [
      fieldText('bpmnXml', 'Sơ đồ chứa khai báo DOCTYPE/ENTITY', 'The diagram declares a DOCTYPE/ENTITY'),
    ];
  let parsed: { rootElement: unknown; warnings: unknown[] };
  try {
    parsed = await moddle.fromXML(xml);
  } catch (error) {
    const detail = (error as Error).message.slice(0, 200);
    return [fieldText('bpmnXml', `Sơ đồ không đọc được: ${detail}`, `The diagram cannot be read: ${detail}`)];
  }
  const problems = parsed.warnings.map((w) => {
    const detail = String((w as { message?: string }).message ?? w).slice(0, 200);
    return fieldText(
      'bpmnXml',
      `Sơ đồ có nội dung không hợp lệ: ${detail}`,
      `The diagram has invalid content: ${detail}`,
    );
  });
  const processes = ((parsed.rootElement as ParsedRoot).rootElements ?? []).filter(
    (e) => e.$type === 'bpmn:Process',
  );
  const main = processes.find((p) => p.id === version.bpmnProcessId);
  if (!main)
    problems.push(
      fieldText(
        'bpmnProcessId',
        `Sơ đồ không có quy trình với mã "${version.bpmnProcessId}"`,
        `The diagram has no process with id "${version.bpmnProcessId}"`,
      ),
    );
  else if (!main.isExecutable)
    problems.push(
      fieldText(
        'bpmnXml',
        'Quy trình chưa được đánh dấu thực thi được',
        'The process is not marked executable',
      ),
    );
  problems.push(...timerFloorProblems(processes));
  return problems;
}

export async function formProblems(version: ProcedureVersion): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  for (const [index, ref] of version.forms.entries()) {
    const form = await findForm(ref.formId, ref.formVersion);
    const path = `forms[${index}]`;
    if (!form) {
      problems.push(
        fieldText(
          path,
          `Không có tờ khai ${ref.formId} phiên bản ${ref.formVersion}`,
          `No form ${ref.formId} version ${ref.formVersion}`,
        ),
      );
      continue;
    }
    const problem = schemaProblem(form.schema);
    if (problem)
      problems.push(
        fieldText(
          path,
          `Tờ khai ${ref.formId} không hợp lệ: ${problem}`,
          `Form ${ref.formId} is not valid: ${problem}`,
        ),
      );
  }
  return problems;
}

export async function publishVersion(
  code: string,
  versionNumber: number,
  user: AuthUser,
  engine: EngineClient | undefined,
  now = new Date(),
): Promise<ProcedureVersion> {
  const procedure = await ProcedureModel.findOne({ code }).lean();
  if (!procedure) throw notFound('procedure');
  const version = procedure.versions.find((v) => v.version === versionNumber);
  if (!version) throw notFound('procedureVersion');
  if (version.status !== 'draft')
    throw new ApiError(409, 'validation_failed', {}, [
      fieldText('version', 'Chỉ công bố được phiên bản nháp', 'Only a draft version can be published'),
    ]);
  const problems = [
    ...(await bpmnProblems(version)),
    ...decisionProblems(version),
    ...(await formProblems(version)),
  ];
  if (problems.length) throw new ApiError(422, 'validation_failed', {}, problems);
  if (!engine) throw new ApiError(503, 'engine_unavailable');

  const bpmnName = `${code}-v${versionNumber}.bpmn`;
  const decisions = version.decisions ?? [];
  const deployed = await engine
    .deployResources([
      { name: bpmnName, xml: version.bpmnXml! },
      ...decisions.map((d) => ({ name: d.name, xml: d.dmnXml })),
    ])
    .catch(async (error: unknown) => {
      if (!isInvalidDeployment(error)) throw error;
      const refusedTables = decisionRejectionProblems(error, decisions);
      const refusedDiagram =
        refusedTables.length === 0 || error.message.includes(`'${bpmnName}'`)
          ? await deployRejectionProblems(error, version.bpmnXml!)
          : [];
      throw new ApiError(422, 'validation_failed', {}, [...refusedDiagram, ...refusedTables]);
    });
  const match = deployed.processes.find((d) => d.bpmnProcessId === version.bpmnProcessId);
  if (!match)
    throw new ApiError(502, 'engine_rejected', { detail: 'no process definition in the deployment' });

  // One update by explicit paths, guarded on the draft status, so a concurrent publish of the same draft loses.
  const index = procedure.versions.indexOf(version);
  const deployment = {
    processDefinitionKey: match.processDefinitionKey,
    processVersion: match.version,
    deployedAt: now,
  };
  const set: Record<string, unknown> = {
    [`versions.${index}.status`]: 'published',
    [`versions.${index}.publishedAt`]: now,
    [`versions.${index}.publishedBy`]: user.id,
    [`versions.${index}.deployment`]: deployment,
    publishedVersion: versionNumber,
  };
  procedure.versions.forEach((other, i) => {
    if (other.status === 'published' && i !== index) {
      set[`versions.${i}.status`] = 'retired';
      set[`versions.${i}.retiredAt`] = now;
    }
  });
  const result = await ProcedureModel.updateOne(
    { _id: procedure._id, [`versions.${index}.status`]: 'draft' },
    { $set: set },
  );
  if (result.modifiedCount !== 1)
    throw new ApiError(409, 'validation_failed', {}, [
      fieldText(
        'version',
        'Phiên bản vừa được công bố ở nơi khác',
        'The version was just published elsewhere',
      ),
    ]);
  return { ...version, status: 'published', publishedAt: now, publishedBy: user.id, deployment };
}
