/** @jest-environment jsdom */
// The decisions and transfers the task screen offers, read from the catalogue's real BPMN models.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { elementName, taskPaths } from '../../designer/src/screens/task/task-paths';

const model = (file: string) => readFileSync(path.join(__dirname, '../../processes', file), 'utf8');
const lienThong = model('lien-thong-khai-sinh/lien-thong-khai-sinh.bpmn');
const khaiSinh = model('dang-ky-khai-sinh/dang-ky-khai-sinh.bpmn');

test('the inter-agency Sign step transfers to the police and social insurance on approve', () => {
  const sign = taskPaths(lienThong, 'lien-thong-khai-sinh', 'Sign');
  expect(sign.decisions.sort()).toEqual(['approve', 'refuse', 'return']);
  expect(sign.transfers.sort()).toEqual(['Chuyển cấp thẻ BHYT', 'Chuyển đăng ký thường trú']);
  expect(sign.laterTransfers).toEqual([]);
});

test('the Review step before it reaches the transfers only after the leader signs', () => {
  const review = taskPaths(lienThong, 'lien-thong-khai-sinh', 'Review');
  expect(review.decisions.sort()).toEqual(['approve', 'refuse', 'supplement']);
  expect(review.transfers).toEqual([]);
  expect(review.laterTransfers.sort()).toEqual(['Chuyển cấp thẻ BHYT', 'Chuyển đăng ký thường trú']);
});

test('a single-agency procedure has no transfer; an unknown process gives nothing to offer', () => {
  const sign = taskPaths(khaiSinh, 'dang-ky-khai-sinh', 'Sign');
  expect(sign.transfers).toEqual([]);
  expect(sign.laterTransfers).toEqual([]);
  expect(sign.decisions).toContain('approve');
  expect(taskPaths(khaiSinh, 'lien-thong-khai-sinh.cong-an', 'Review')).toEqual({
    decisions: [],
    transfers: [],
    laterTransfers: [],
  });
});

test('a step with no decision gateway after it offers what its form declares: a record step only approves', () => {
  const ketHon = model('dang-ky-ket-hon/dang-ky-ket-hon.bpmn');
  expect(taskPaths(ketHon, 'dang-ky-ket-hon', 'Ceremony').decisions).toEqual(['approve']);
  expect(taskPaths(ketHon, 'dang-ky-ket-hon', 'Review').decisions.sort()).toEqual([
    'approve',
    'refuse',
    'supplement',
  ]);
});

test("a user task's name comes from its process in the model", () => {
  expect(elementName(lienThong, 'lien-thong-khai-sinh', 'Sign')).toBe('Lãnh đạo UBND ký giấy khai sinh');
  expect(elementName(lienThong, 'lien-thong-khai-sinh.cong-an', 'Sign')).toBeUndefined();
  expect(elementName(khaiSinh, 'dang-ky-khai-sinh', 'NoSuchTask')).toBeUndefined();
});
