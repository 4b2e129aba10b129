// The element templates are valid Camunda 8 templates (the published JSON schema) and cover the contract.
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { readContract } from './contract';
import { elementTemplateFiles } from './model-files';

const schemaPath = require.resolve('@camunda/zeebe-element-templates-json-schema/resources/schema.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as object;
const templates = elementTemplateFiles();
const contract = readContract();

// The schema carries documentation keywords ajv does not know; strict mode would reject them.
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

interface Property {
  type: string;
  value?: string;
  label?: string;
  binding: { type: string; key?: string; property?: string };
}

function jobTypeOf(json: Record<string, unknown>): string | undefined {
  const properties = json.properties as Property[];
  return properties.find((p) => p.binding.type === 'zeebe:taskDefinition' && p.binding.property === 'type')
    ?.value;
}

test('the schema rejects a template without properties (validation is not vacuous)', () => {
  expect(validate({ name: 'x', id: 'x', appliesTo: ['bpmn:Task'] })).toBe(false);
});

describe.each(templates.map((t) => [t.file, t.json] as const))('%s', (file, json) => {
  test('is valid against the Zeebe element templates JSON schema', () => {
    const valid = validate(json);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  test('binds a contract job type, named by the file, with a Vietnamese label', () => {
    const type = jobTypeOf(json);
    expect(`${type}.json`).toBe(file);
    expect(contract.jobTypes.has(type ?? '')).toBe(true);
    expect(json.name).toMatch(/[Đđơưăâêôáàảãạếềểễệốồổỗộớờởỡợíìỉĩịúùủũụứừửữựýỳỷỹỵ]/i);
  });

  test('offers every contract header as a task header', () => {
    const headers = (json.properties as Property[])
      .filter((p) => p.binding.type === 'zeebe:taskHeader')
      .map((p) => p.binding.key);
    expect(headers.sort()).toEqual([...(contract.jobTypes.get(jobTypeOf(json) ?? '')?.headers ?? [])].sort());
  });
});

test('every contract job type has a template', () => {
  expect(templates.map((t) => jobTypeOf(t.json)).sort()).toEqual([...contract.jobTypes.keys()].sort());
});
