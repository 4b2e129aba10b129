// Loads the procedure catalogue of processes/ into the store at start, and deploys its models to the engine
// when there is one. Idempotent: an existing procedure is left as the designers have it; a catalogue version
// not yet deployed is deployed and recorded. Entries without a confirmed national code get `TAM.<folder>`.
import { listFormVersions } from '../../forms/registry';
import { startOfLocalDay } from '../../processes/calendar';
import { loadCatalogue, type CatalogueEntry } from '../../processes/catalogue';
import type { EngineClient } from '../engine/engine-client';
import type { Logger } from '../config/logger';
import { ProcedureModel, type ProcedureVersion } from '../models/Procedure';

const catalogueChangelog = 'Nạp từ danh mục thủ tục (processes/)';

export function catalogueCode(entry: CatalogueEntry): string {
  return entry.code ?? `TAM.${entry.folder}`;
}

function firstVersion(entry: CatalogueEntry, now: Date): ProcedureVersion {
  const lead = entry.models.find((m) => m.processIds.includes(entry.bpmnProcessId)) ?? entry.models[0];
  return {
    version: 1,
    status: 'published',
    changelog: catalogueChangelog,
    createdAt: now,
    publishedAt: now,
    ...(entry.effectiveFrom ? { effectiveFrom: startOfLocalDay(entry.effectiveFrom) } : {}),
    bpmnProcessId: entry.bpmnProcessId,
    ...(lead ? { bpmnXml: lead.xml } : {}),
    decisions: entry.decisions.map((d) => ({ name: d.file, dmnXml: d.xml })),
    forms: entry.forms.map((formId) => ({
      formId,
      formVersion: listFormVersions(formId)[0]?.version ?? '1',
    })),
    timeLimit: {
      value: entry.timeLimit.value,
      unit: entry.timeLimit.unit,
      ...(entry.timeLimit.sameDayCutoff ? { sameDayCutoff: entry.timeLimit.sameDayCutoff } : {}),
    },
    fees: entry.fees.map((f) => ({
      name: f.name,
      amount: f.amount,
      collectAt: f.collectAt,
      ...(f.note ? { note: f.note } : {}),
    })),
    components: entry.components.map((c) => ({ ...c })),
    onlineLevel: entry.onlineLevel,
  };
}

export async function seedCatalogue(options: { engine?: EngineClient; logger?: Logger; now?: Date } = {}) {
  const now = options.now ?? new Date();
  const entries = await loadCatalogue();
  let inserted = 0;
  for (const entry of entries) {
    const code = catalogueCode(entry);
    const result = await ProcedureModel.updateOne(
      { code },
      {
        $setOnInsert: {
          code,
          names: entry.names,
          field: { name: entry.field },
          level: entry.level,
          implementingAgencies: [],
          versions: [firstVersion(entry, now)],
          publishedVersion: 1,
        },
      },
      { upsert: true },
    );
    inserted += result.upsertedCount;
    if (options.engine) await deployCatalogueModels(entry, code, options.engine, options.logger);
  }
  return { procedures: entries.length, inserted };
}

/** Deploys every model of the entry (an inter-agency package has one per agency) and records the lead's. */
async function deployCatalogueModels(
  entry: CatalogueEntry,
  code: string,
  engine: EngineClient,
  logger?: Logger,
) {
  // Deploying identical resources is a no-op in Zeebe, so this runs at every start (a new engine gets them);
  // once a designer has published another version, the catalogue's models are theirs to manage.
  const procedure = await ProcedureModel.findOne({ code }, { versions: 1, publishedVersion: 1 }).lean();
  const version = procedure?.versions.find((v) => v.version === 1);
  if (procedure?.publishedVersion !== 1 || version?.changelog !== catalogueChangelog) return;
  // Decisions first: a business rule task finds its decision when the instance reaches it, not at deploy.
  for (const decision of entry.decisions) await engine.deployDecision(decision.file, decision.xml);
  let lead: { processDefinitionKey: string; version: number } | undefined;
  for (const model of entry.models) {
    const deployed = await engine.deployProcess(model.file, model.xml);
    lead ??= deployed.find((d) => d.bpmnProcessId === entry.bpmnProcessId);
  }
  if (!lead) return;
  await ProcedureModel.updateOne(
    { code, 'versions.version': 1 },
    {
      $set: {
        'versions.$.deployment': {
          processDefinitionKey: lead.processDefinitionKey,
          processVersion: lead.version,
          deployedAt: new Date(),
        },
      },
    },
  );
  logger?.info('catalogue model deployed', {
    code,
    bpmnProcessId: entry.bpmnProcessId,
    version: lead.version,
  });
}
