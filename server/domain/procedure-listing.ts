// The procedure catalogue's read side: a procedure's versions with their authors' names (the designer's list), and
// a draft version's diagram (linted before publishing).
import { notFound } from '../errors/api-error';
import { ProcedureModel } from '../models/Procedure';
import { UserModel } from '../models/User';

/** Newest first, without diagrams; 404 for an unknown procedure. */
export async function versionsWithAuthors(code: string) {
  // The diagrams are dropped here rather than by an exclusion projection: the embedded docstore used to apply
  // such a projection to the stored document itself (tests/docstore/array-projection.int.test.ts, fixed in 7d9ee09).
  const procedure = await ProcedureModel.findOne({ code }).lean();
  if (!procedure) throw notFound('procedure');
  const userIds = procedure.versions.flatMap((v) => [v.createdBy, v.publishedBy]).filter((id) => !!id);
  const users = userIds.length
    ? await UserModel.find({ _id: { $in: userIds } }, { displayName: 1 }).lean()
    : [];
  const nameOf = (id: unknown) => users.find((u) => String(u._id) === String(id))?.displayName ?? null;
  return {
    code,
    publishedVersion: procedure.publishedVersion,
    versions: [...procedure.versions]
      .sort((a, b) => b.version - a.version)
      .map(({ createdBy, publishedBy, bpmnXml: _x, ...version }) => ({
        ...version,
        author: nameOf(createdBy),
        publisher: publishedBy ? nameOf(publishedBy) : null,
      })),
  };
}

/** The diagram of the procedure's draft `version`, if that version is a draft and has one. */
export async function draftDiagram(code: string, version: number): Promise<string | undefined> {
  const procedure = await ProcedureModel.findOne({ code }, { versions: 1 }).lean();
  return procedure?.versions.find((v) => v.version === version && v.status === 'draft')?.bpmnXml;
}
