// One procedure's catalogue entry (processes/<slug>/procedure.json) and its validation. Errors are in
// Vietnamese and name the folder and the field, for whoever edits the JSON.
import { listForms } from '../forms/registry';
import { timeLimitUnits, type TimeLimit as CalendarTimeLimit } from './calendar/due-date';
import { isLocalDate, type LocalDate } from './calendar/local-date';
import {
  AGENCY_LEVELS,
  FEE_COLLECTION_POINTS,
  ONLINE_LEVELS,
  type AgencyLevel,
  type DossierComponent,
  type Fee,
  type OnlineLevel,
} from './procedure-vocabulary';

/** The domain brief's tags: ✔ seen in a public page; ◐ third-party only; ○ named document, not re-read; ✖ unconfirmed. */
export const SOURCE_TAGS = ['✔', '◐', '○', '✖'] as const;
/** Facts whose origin every entry must state. */
export const SOURCED_FACTS = [
  'code',
  'level',
  'agencies',
  'legalBasis',
  'timeLimit',
  'fees',
  'components',
  'onlineLevel',
] as const;

/** Declaration forms (forms/) the catalogue may reference: the ids of the forms registry. */
export const FORM_IDS: readonly string[] = listForms().map((form) => form.id);

export type SourceTag = (typeof SOURCE_TAGS)[number];
export type SourcedFact = (typeof SOURCED_FACTS)[number];

export interface LocalizedName {
  vi: string;
  en: string;
}

export interface TimeLimit extends CalendarTimeLimit {
  note?: string;
}

export interface Agency {
  /** Role the organisation tree resolves to a concrete agency, e.g. 'ubnd-xa', 'cong-an-xa'. */
  role: string;
  name: LocalizedName;
  lead: boolean;
  /** The process of this agency's share. */
  bpmnProcessId: string;
  /** This agency's share of the time limit (inter-agency paths). */
  share?: TimeLimit;
}

export interface LegalBasis {
  ref: string;
  title: string;
}

export interface Provenance {
  status: 'confirmed' | 'provisional';
  tag: SourceTag;
  source: string;
  note?: string;
}

export interface ProcedureEntry {
  slug: string;
  /** National code d.dddddd; null while unconfirmed. */
  code: string | null;
  names: LocalizedName;
  field: string;
  level: AgencyLevel;
  effectiveFrom: string;
  agencies: Agency[];
  legalBasis: LegalBasis[];
  timeLimit: TimeLimit;
  fees: Fee[];
  components: DossierComponent[];
  forms: string[];
  onlineLevel: OnlineLevel;
  bpmnProcessId: string;
  provenance: Record<SourcedFact, Provenance>;
}

export class CatalogueError extends Error {
  constructor(
    readonly folder: string,
    readonly field: string,
    problem: string,
  ) {
    super(`Danh mục thủ tục '${folder}', trường '${field}': ${problem}`);
    this.name = 'CatalogueError';
  }
}

type Json = Record<string, unknown>;

class Checker {
  constructor(readonly folder: string) {}

  fail(field: string, problem: string): never {
    throw new CatalogueError(this.folder, field, problem);
  }

  object(value: unknown, field: string): Json {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      this.fail(field, 'phải là đối tượng');
    return value as Json;
  }

  string(value: unknown, field: string, pattern?: RegExp): string {
    if (typeof value !== 'string' || value.trim() === '') this.fail(field, 'phải là chuỗi không rỗng');
    if (pattern && !pattern.test(value)) this.fail(field, `không đúng định dạng ${pattern.source}`);
    return value;
  }

  localDate(value: unknown, field: string): LocalDate {
    const text = this.string(value, field);
    if (!isLocalDate(text)) this.fail(field, 'phải là một ngày có thật dạng YYYY-MM-DD');
    return text;
  }

  optionalString(value: unknown, field: string, pattern?: RegExp): string | undefined {
    return value === undefined ? undefined : this.string(value, field, pattern);
  }

  oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.fail(field, `phải là một trong ${allowed.join(', ')}`);
    }
    return value as T;
  }

  integer(value: unknown, field: string, min: number): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
      this.fail(field, `phải là số nguyên ≥ ${min}`);
    }
    return value;
  }

  boolean(value: unknown, field: string): boolean {
    if (typeof value !== 'boolean') this.fail(field, 'phải là true hoặc false');
    return value;
  }

  array(value: unknown, field: string, minItems: number): unknown[] {
    if (!Array.isArray(value)) this.fail(field, 'phải là mảng');
    if (value.length < minItems) this.fail(field, `phải có ít nhất ${minItems} phần tử`);
    return value;
  }

  name(value: unknown, field: string): LocalizedName {
    const o = this.object(value, field);
    return { vi: this.string(o.vi, `${field}.vi`), en: this.string(o.en, `${field}.en`) };
  }

  timeLimit(value: unknown, field: string): TimeLimit {
    const o = this.object(value, field);
    const unit = this.oneOf(o.unit, `${field}.unit`, timeLimitUnits);
    const limit: TimeLimit = {
      value: this.integer(o.value, `${field}.value`, unit === 'same-day' ? 0 : 1),
      unit,
    };
    const cutoff = this.optionalString(
      o.sameDayCutoff,
      `${field}.sameDayCutoff`,
      /^([01]\d|2[0-3]):[0-5]\d$/,
    );
    if (cutoff !== undefined) limit.sameDayCutoff = cutoff;
    if (unit === 'same-day' && cutoff === undefined)
      this.fail(`${field}.sameDayCutoff`, 'bắt buộc khi unit là same-day');
    const note = this.optionalString(o.note, `${field}.note`);
    if (note !== undefined) limit.note = note;
    return limit;
  }
}

const CODE = /^\d\.\d{6}$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const PROCESS_ID = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function uniqueBy<T>(c: Checker, items: T[], key: (t: T) => string, field: string): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) c.fail(`${field}[${i}]`, `trùng mã '${k}'`);
    seen.add(k);
  });
}

/** Validates the parsed procedure.json of `folder`; the slug must equal the folder name. */
export function validateProcedureEntry(folder: string, raw: unknown): ProcedureEntry {
  const c = new Checker(folder);
  const o = c.object(raw, '(gốc)');
  const slug = c.string(o.slug, 'slug', SLUG);
  if (slug !== folder) c.fail('slug', `phải trùng tên thư mục '${folder}'`);
  const code = o.code === null ? null : c.string(o.code, 'code', CODE);

  const agencies = c.array(o.agencies, 'agencies', 1).map((a, i): Agency => {
    const f = `agencies[${i}]`;
    const ao = c.object(a, f);
    const agency: Agency = {
      role: c.string(ao.role, `${f}.role`, SLUG),
      name: c.name(ao.name, `${f}.name`),
      lead: c.boolean(ao.lead, `${f}.lead`),
      bpmnProcessId: c.string(ao.bpmnProcessId, `${f}.bpmnProcessId`, PROCESS_ID),
    };
    if (ao.share !== undefined) agency.share = c.timeLimit(ao.share, `${f}.share`);
    return agency;
  });
  uniqueBy(c, agencies, (a) => a.role, 'agencies');
  const leads = agencies.filter((a) => a.lead);
  if (leads.length !== 1) c.fail('agencies', 'phải có đúng một cơ quan chủ trì (lead: true)');

  const legalBasis = c.array(o.legalBasis, 'legalBasis', 1).map((l, i): LegalBasis => {
    const lo = c.object(l, `legalBasis[${i}]`);
    return {
      ref: c.string(lo.ref, `legalBasis[${i}].ref`),
      title: c.string(lo.title, `legalBasis[${i}].title`),
    };
  });

  const fees = c.array(o.fees, 'fees', 0).map((x, i): Fee => {
    const f = `fees[${i}]`;
    const fo = c.object(x, f);
    const fee: Fee = {
      name: c.string(fo.name, `${f}.name`),
      amount: c.integer(fo.amount, `${f}.amount`, 0),
      collectAt: c.oneOf(fo.collectAt, `${f}.collectAt`, FEE_COLLECTION_POINTS),
    };
    const note = c.optionalString(fo.note, `${f}.note`);
    if (note !== undefined) fee.note = note;
    return fee;
  });

  const components = c.array(o.components, 'components', 1).map((x, i): DossierComponent => {
    const f = `components[${i}]`;
    const co = c.object(x, f);
    const component: DossierComponent = {
      id: c.string(co.id, `${f}.id`, SLUG),
      name: c.string(co.name, `${f}.name`),
      required: c.boolean(co.required, `${f}.required`),
      originals: c.integer(co.originals, `${f}.originals`, 0),
      copies: c.integer(co.copies, `${f}.copies`, 0),
    };
    if (component.originals + component.copies === 0) c.fail(f, 'phải có ít nhất một bản chính hoặc bản sao');
    const note = c.optionalString(co.note, `${f}.note`);
    if (note !== undefined) component.note = note;
    return component;
  });
  uniqueBy(c, components, (x) => x.id, 'components');

  // A procedure whose declaration form is not yet in forms/ lists none rather than an invented id.
  const forms = c.array(o.forms, 'forms', 0).map((x, i) => c.oneOf(x, `forms[${i}]`, FORM_IDS));

  const bpmnProcessId = c.string(o.bpmnProcessId, 'bpmnProcessId', PROCESS_ID);
  if (leads[0]?.bpmnProcessId !== bpmnProcessId) {
    c.fail('bpmnProcessId', 'phải là quy trình của cơ quan chủ trì (agencies[].lead)');
  }

  const po = c.object(o.provenance, 'provenance');
  const provenance = {} as Record<SourcedFact, Provenance>;
  for (const fact of SOURCED_FACTS) {
    const f = `provenance.${fact}`;
    const p = c.object(po[fact], f);
    const tag = c.oneOf(p.tag, `${f}.tag`, SOURCE_TAGS);
    const status = c.oneOf(p.status, `${f}.status`, ['confirmed', 'provisional'] as const);
    // Only a fact seen in a retrieved public page counts as confirmed.
    if ((tag === '✔') !== (status === 'confirmed'))
      c.fail(`${f}.status`, `không khớp với nhãn nguồn '${tag}'`);
    const entry: Provenance = { status, tag, source: c.string(p.source, `${f}.source`) };
    const note = c.optionalString(p.note, `${f}.note`);
    if (note !== undefined) entry.note = note;
    provenance[fact] = entry;
  }
  if (code === null && provenance.code.status === 'confirmed')
    c.fail('code', 'mã đã xác nhận thì không được để trống');

  return {
    slug,
    code,
    names: c.name(o.names, 'names'),
    field: c.string(o.field, 'field'),
    level: c.oneOf(o.level, 'level', AGENCY_LEVELS),
    effectiveFrom: c.localDate(o.effectiveFrom, 'effectiveFrom'),
    agencies,
    legalBasis,
    timeLimit: c.timeLimit(o.timeLimit, 'timeLimit'),
    fees,
    components,
    forms,
    onlineLevel: c.oneOf(o.onlineLevel, 'onlineLevel', ONLINE_LEVELS),
    bpmnProcessId,
    provenance,
  };
}
