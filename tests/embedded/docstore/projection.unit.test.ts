// Plain path projections are shaped without mingo (storage/projection); they must give what mingo's projection
// gave (and MongoDB gives) and leave the stored document untouched. Anything beyond plain paths is refused so
// the caller keeps using mingo.
import { ObjectId, type Document } from 'bson';
import { Query } from 'mingo';
import { needsMingo, plainProjection } from '../../../embedded/docstore/storage/projection';
import { structuralClone } from '../../../embedded/docstore/storage/structural-clone';

const id = new ObjectId();
const when = new Date('2026-01-02T03:04:05Z');
const docs: Document[] = [
  {
    _id: id,
    code: 'H26.31-260102-0001',
    procedure: { code: '1.001193', name: 'Đăng ký khai sinh', version: 1, forms: [{ formId: 'f' }] },
    applicant: { name: 'Công dân', idNumber: '001234567890' },
    status: 4,
    submittedAt: when,
    timeline: [
      { at: when, action: 'dossier.submitted', actor: { kind: 'system' } },
      { at: when, action: 'dossier.accepted', actor: { kind: 'user', username: 'a' }, note: 'ok' },
    ],
    tags: ['x', 'y'],
  },
  { _id: 2, procedure: { name: 'no code' }, applicant: 'scalar', timeline: [1, { action: 'a' }, null] },
  { _id: 3 },
];

const specs: Document[] = [
  { code: 1, 'procedure.code': 1, 'procedure.name': 1, 'applicant.name': 1, status: 1, submittedAt: 1 },
  { code: true, _id: 0 },
  { 'timeline.action': 1, 'timeline.actor.kind': 1 },
  { timeline: 0, 'procedure.forms': 0 },
  { 'timeline.actor': 0, _id: 0 },
  { _id: 0 },
  { _id: 1 },
  { tags: 1, missing: 1 },
  { 'applicant.idNumber': 0 },
];

function mingoProjection(doc: Document, spec: Document): Document {
  return new Query({}).find<Document>([structuralClone(doc)], spec).all()[0] as Document;
}

test.each(specs)('%j shapes each document as mingo does, leaving it untouched', (spec) => {
  const project = plainProjection(spec);
  expect(project).toBeDefined();
  for (const doc of docs) {
    const before = structuralClone(doc);
    expect(project!(doc)).toEqual(mingoProjection(doc, spec));
    expect(doc).toEqual(before);
  }
});

test('an inclusion keeps the document order of fields and shares stored values', () => {
  const shaped = plainProjection({ status: 1, code: 1 })!(docs[0]!) as Document;
  expect(Object.keys(shaped)).toEqual(['_id', 'code', 'status']);
  expect(shaped._id).toBe(id);
});

test.each([
  { a: 1, b: 0 },
  { a: 1, 'a.b': 1 },
  { 'a.b': 0, a: 0 },
  { 'a.$': 1 },
  { a: { $slice: 2 } },
  { a: { $elemMatch: { b: 1 } } },
  { a: '$b' },
  { 'a..b': 1 },
  { __proto__x: 1, '__proto__.y': 1 },
  { '_id.x': 1 },
])('%j is left to mingo', (spec) => {
  expect(plainProjection(spec)).toBeUndefined();
});

test('a path through an array of arrays is left to mingo for that document', () => {
  expect(plainProjection({ 'a.b': 1 })!({ _id: 1, a: [[{ b: 1 }]] })).toBe(needsMingo);
  expect(plainProjection({ 'a.b': 0 })!({ _id: 1, a: [[{ b: 1 }]] })).toBe(needsMingo);
});
