// The designer's decision-table check and version diff on the catalogue's birth registration fee table: clean as
// committed; an emptied table, an unnamed input or a called decision the version lacks are named in Vietnamese;
// a changed cell, an added and a removed rule are told in words.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decisionFindings } from '../../../processes/decisions/decision-check';
import { diffDecisions } from '../../../processes/decisions/decision-diff';
import { processesDir } from '../model-files';

const folder = path.join(processesDir, 'dang-ky-khai-sinh');
const bpmnXml = readFileSync(path.join(folder, 'dang-ky-khai-sinh.bpmn'), 'utf8');
const dmnXml = readFileSync(path.join(folder, 'dang-ky-khai-sinh.dmn'), 'utf8');
const resource = (xml: string) => [{ name: 'dang-ky-khai-sinh.dmn', dmnXml: xml }];
const RULE = /<rule id="mien-le-phi-khai-sinh_Rule_4">[\s\S]*?<\/rule>\n/;

test('the committed table passes', async () => {
  expect(await decisionFindings(bpmnXml, resource(dmnXml))).toEqual([]);
});

test('no table for the called decision, no rules, an unnamed input: each named', async () => {
  expect((await decisionFindings(bpmnXml, [])).map((f) => f.message)).toEqual([
    'Sơ đồ gọi bảng quyết định "mien-le-phi-khai-sinh" nhưng phiên bản không có bảng này',
  ]);
  const empty = dmnXml.replace(/<rule [\s\S]*<\/rule>\n/, '');
  expect((await decisionFindings(bpmnXml, resource(empty))).map((f) => f.message)).toEqual([
    'Bảng quyết định "Miễn lệ phí đăng ký khai sinh" (mien-le-phi-khai-sinh) chưa có quy tắc nào',
  ]);
  const unnamed = dmnXml.replace(' label="Đối tượng người yêu cầu"', '');
  expect((await decisionFindings(bpmnXml, resource(unnamed))).map((f) => f.message)).toEqual([
    'Bảng quyết định "Miễn lệ phí đăng ký khai sinh" (mien-le-phi-khai-sinh): đầu vào thứ 1 chưa có tên',
  ]);
});

test('the diff tells a changed cell, an added and a removed rule in words', async () => {
  const widened = dmnXml.replace('<text>&lt;= 60</text>', '<text>&lt;= 90</text>');
  expect(await diffDecisions(resource(dmnXml), resource(widened))).toEqual([
    {
      kind: 'changed',
      decisionId: 'mien-le-phi-khai-sinh',
      text: 'Bảng "Miễn lệ phí đăng ký khai sinh": quy tắc 2 (Đăng ký trong 60 ngày kể từ ngày sinh (Điều 15)) đổi Số ngày từ ngày sinh đến ngày tiếp nhận: <= 60 → <= 90',
    },
  ]);
  const lastRule = RULE.exec(dmnXml)![0];
  const without = dmnXml.replace(lastRule, '');
  const removed = await diffDecisions(resource(dmnXml), resource(without));
  expect(removed.map((c) => c.kind)).toEqual(['removed']);
  expect(removed[0]!.text).toMatch(
    /^Bảng "Miễn lệ phí đăng ký khai sinh": bỏ quy tắc 4 \(Thiếu ngày: .*\): - \| - \| null \| /,
  );
  const added = await diffDecisions(resource(without), resource(dmnXml));
  expect(added.map((c) => c.kind)).toEqual(['added']);
  expect(await diffDecisions(resource(dmnXml), resource(dmnXml))).toEqual([]);
});
