// A find with an exclusion projection of a field inside an array ({ 'versions.bpmnXml': 0 }) must only shape the
// answer. On the embedded docstore it also removes the field from the stored document, so a later find without
// projection no longer has it (the procedure designer lost its diagrams this way). Inclusion projection is fine.
import { startTarget, type Target } from './support/target';

let target: Target;

beforeAll(async () => {
  target = await startTarget();
});

afterAll(async () => {
  await target.close();
});

async function storedAfter(code: string, projection: Record<string, 0 | 1>) {
  const procedures = target.db.collection('procedures');
  await procedures.insertOne({
    code,
    versions: [
      { version: 1, status: 'published', bpmnXml: '<v1/>' },
      { version: 2, status: 'draft', bpmnXml: '<v2/>' },
    ],
  });
  const projected = await procedures.findOne({ code }, { projection });
  const stored = await procedures.findOne({ code });
  return { projected: projected?.versions, stored: stored?.versions };
}

test('an exclusion projection of a field inside an array leaves the stored document whole', async () => {
  const { projected, stored } = await storedAfter('P2', { 'versions.bpmnXml': 0 });
  expect(projected).toEqual([
    { version: 1, status: 'published' },
    { version: 2, status: 'draft' },
  ]);
  expect(stored).toEqual([
    { version: 1, status: 'published', bpmnXml: '<v1/>' },
    { version: 2, status: 'draft', bpmnXml: '<v2/>' },
  ]);
});

test('an inclusion projection of a field inside an array leaves the stored document whole', async () => {
  const { projected, stored } = await storedAfter('P3', { 'versions.version': 1 });
  expect(projected).toEqual([{ version: 1 }, { version: 2 }]);
  expect(stored).toEqual([
    { version: 1, status: 'published', bpmnXml: '<v1/>' },
    { version: 2, status: 'draft', bpmnXml: '<v2/>' },
  ]);
});
