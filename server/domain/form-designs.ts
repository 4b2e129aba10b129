// Form versions for the designer: the shipped ones from forms/registry and the ones saved from the form editor.
import type { Types } from 'mongoose';
import { getForm, listFormVersions } from '../../forms/registry';
import type { FormDefinition } from '../../forms/types';
import { createMotcuaAjv } from '../../forms/validation';
import type { SaveFormBody } from '../api-schemas/designer';
import { ApiError } from '../errors/api-error';
import { FormDesignModel, type FormDesign } from '../models/FormDesign';

const ajv = createMotcuaAjv();

function definitionOf(design: FormDesign, meta?: FormDefinition['meta']): FormDefinition {
  return {
    meta: {
      ...(meta ?? {
        procedureCodes: [],
        effectiveFrom: design.createdAt.toISOString().slice(0, 10),
        legalBasis: [],
      }),
      id: design.formId,
      version: design.version,
      title: design.title,
    },
    schema: JSON.parse(design.schemaJson) as FormDefinition['schema'],
    uischema: JSON.parse(design.uischemaJson) as FormDefinition['uischema'],
    labelsEn: JSON.parse(design.labelsEnJson) as Record<string, string>,
  };
}

export async function findForm(formId: string, version: string): Promise<FormDefinition | undefined> {
  const shipped = getForm(formId, version);
  if (shipped) return shipped;
  const design = await FormDesignModel.findOne({ formId, version }).lean();
  return design ? definitionOf(design, getForm(formId)?.meta) : undefined;
}

export async function formVersions(formId: string) {
  const designs = await FormDesignModel.find({ formId }, { schemaJson: 0, uischemaJson: 0, labelsEnJson: 0 })
    .sort({ createdAt: -1 })
    .lean();
  return [
    ...designs.map((d) => ({
      version: d.version,
      baseVersion: d.baseVersion,
      createdAt: d.createdAt,
      designed: true,
    })),
    ...listFormVersions(formId).map((m) => ({
      version: m.version,
      effectiveFrom: m.effectiveFrom,
      designed: false,
    })),
  ];
}

/** A form's schema must compile with the project's vocabulary before anyone can fill it in. */
export function schemaProblem(schema: object): string | null {
  try {
    ajv.compile(schema);
    return null;
  } catch (error) {
    return (error as Error).message.slice(0, 300);
  } finally {
    const id = (schema as { $id?: unknown }).$id;
    if (typeof id === 'string') ajv.removeSchema(id);
  }
}

export async function saveFormDesign(
  formId: string,
  body: SaveFormBody,
  userId: Types.ObjectId,
  now = new Date(),
) {
  const problem = schemaProblem(body.schema);
  if (problem)
    throw new ApiError(422, 'validation_failed', {}, [
      {
        path: 'schema',
        text: {
          vi: `Lược đồ tờ khai không hợp lệ: ${problem}`,
          en: `The form schema is not valid: ${problem}`,
        },
      },
    ]);
  // Designed versions are numbered per form: <base>-d<n>; a unique index settles races (retry once).
  for (let attempt = 0; attempt < 3; attempt++) {
    const count = await FormDesignModel.countDocuments({ formId });
    const version = `${body.baseVersion.replace(/-d\d+$/, '')}-d${count + 1 + attempt}`.slice(0, 40);
    // The schema's $id names a version; a new version gets its own so caches never mix them.
    const schema = {
      ...body.schema,
      ...(body.schema.$id ? { $id: `https://motcua.vn/forms/${formId}/${version}/schema.json` } : {}),
    };
    try {
      await FormDesignModel.create({
        formId,
        version,
        baseVersion: body.baseVersion,
        title: { vi: body.title.vi, en: body.title.en ?? '' },
        schemaJson: JSON.stringify(schema),
        uischemaJson: JSON.stringify(body.uischema),
        labelsEnJson: JSON.stringify(body.labelsEn ?? {}),
        createdBy: userId,
        createdAt: now,
      });
      return { formId, version };
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
    }
  }
  throw new ApiError(409, 'duplicate', { what: 'resource', key: formId });
}
