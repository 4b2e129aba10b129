// Our user-task templates (processes/element-templates-user-tasks) are valid against their schema and make
// Zeebe 8.3 user tasks of the contract: a contract candidate group, a task form of the inbox, a contract due date.
// They are not Camunda element templates: that schema allows candidate groups, forms and schedules only with
// zeebe:userTask (Camunda user tasks, 8.5+), which the next test shows.
import Ajv from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TASK_FORMS } from '../../processes/model-kit/one-stop-model';
import { processesDir } from './model-files';

const dir = join(processesDir, 'element-templates-user-tasks');
const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
const templates = readdirSync(dir)
  .filter((file) => file.endsWith('.json') && file !== 'schema.json')
  .sort()
  .map((file) => ({ file, json: read(file) }));
const validate = new Ajv({ allErrors: true }).compile(read('schema.json'));

const contract = readFileSync(join(processesDir, 'CONTRACT.md'), 'utf8');
// "User tasks are Zeebe 8.3 job-based user tasks (...) with candidate groups: `mot-cua` (...), ..."
const groupsParagraph =
  /User tasks are Zeebe 8\.3[\s\S]*?candidate groups:([\s\S]*?)\n\n/.exec(contract)?.[1] ?? '';
const candidateGroups = [...groupsParagraph.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]);
const dueDates = [
  ...(/Timers use them as FEEL:(.*)/.exec(contract)?.[1] ?? '').matchAll(/"(=[A-Za-z]+)"/g),
].map((m) => m[1]);

test('the contract lists the candidate groups and due dates the templates are checked against', () => {
  expect(candidateGroups).toEqual(['mot-cua', 'chuyen-vien', 'lanh-dao']);
  expect(dueDates).toEqual(['=dueAt', '=stepDueAt']);
});

test('the schema rejects a template without a candidate group (validation is not vacuous)', () => {
  const { candidateGroups: _dropped, ...rest } = templates[0]!.json;
  expect(validate(rest)).toBe(false);
});

test('there is a template for each candidate group', () => {
  expect(new Set(templates.map((t) => t.json.candidateGroups))).toEqual(new Set(candidateGroups));
});

describe.each(templates.map((t) => [t.file, t.json] as const))('%s', (file, json) => {
  test('is valid against schema.json, id named by the file', () => {
    const valid = validate(json);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(json.id).toBe(`vn.motcua.user-task.${file.replace(/\.json$/, '')}`);
  });

  test('binds a contract group, an inbox task form and a contract due date, in Vietnamese', () => {
    expect(candidateGroups).toContain(json.candidateGroups);
    expect(Object.values(TASK_FORMS)).toContain(json.formKey);
    if (json.dueDate !== undefined) expect(dueDates).toContain(json.dueDate);
    expect(json.name).toMatch(/[Đđơưăâêôáàảãạếềểễệốồổỗộớờởỡợíìỉĩịúùủũụứừửữựýỳỷỹỵ]/i);
  });
});

test('a Camunda element template cannot bind candidate groups without zeebe:userTask (why these exist)', () => {
  const schemaPath = require.resolve('@camunda/zeebe-element-templates-json-schema/resources/schema.json');
  const camunda = new Ajv({ strict: false, allErrors: true }).compile(
    JSON.parse(readFileSync(schemaPath, 'utf8')) as object,
  );
  const template = (extra: object[]) => ({
    name: 'Chuyên viên thẩm định hồ sơ',
    id: 'x',
    appliesTo: ['bpmn:Task'],
    elementType: { value: 'bpmn:UserTask' },
    properties: [
      {
        type: 'Hidden',
        value: 'chuyen-vien',
        binding: { type: 'zeebe:assignmentDefinition', property: 'candidateGroups' },
      },
      ...extra,
    ],
  });
  expect(camunda(template([]))).toBe(false);
  expect(camunda(template([{ type: 'Hidden', value: '', binding: { type: 'zeebe:userTask' } }]))).toBe(true);
});
