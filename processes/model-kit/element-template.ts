// Camunda 8 element template for one job type: the designer picks "Tiếp nhận hồ sơ" instead of typing a type.
import { TEMPLATE_VERSION, type JobTypeSpec } from './job-types';

export const ELEMENT_TEMPLATE_SCHEMA =
  'https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json';

type TemplateProperty = Record<string, unknown>;

function headerProperty(header: JobTypeSpec['headers'][number]): TemplateProperty {
  const property: TemplateProperty = {
    id: `header-${header.key}`,
    label: header.label,
    group: 'tham-so',
    binding: { type: 'zeebe:taskHeader', key: header.key },
  };
  if (header.description) property.description = header.description;
  if (header.choices) {
    property.type = 'Dropdown';
    property.choices = header.choices;
    property.value = header.choices[0]?.value;
  } else {
    property.type = 'String';
    if (header.optional) property.optional = true;
    else property.constraints = { notEmpty: true };
  }
  return property;
}

export function elementTemplate(spec: JobTypeSpec): Record<string, unknown> {
  return {
    $schema: ELEMENT_TEMPLATE_SCHEMA,
    name: spec.label,
    id: spec.templateId,
    description: spec.description,
    version: TEMPLATE_VERSION,
    engines: { camunda: '^8.3' },
    category: { id: 'mot-cua', name: 'Một cửa' },
    keywords: ['một cửa', spec.type],
    appliesTo: ['bpmn:Task'],
    elementType: { value: 'bpmn:ServiceTask' },
    groups: [
      { id: 'cong-viec', label: 'Công việc' },
      ...(spec.headers.length > 0 ? [{ id: 'tham-so', label: 'Tham số' }] : []),
    ],
    properties: [
      {
        id: 'job-type',
        label: 'Loại công việc',
        type: 'Hidden',
        value: spec.type,
        group: 'cong-viec',
        binding: { type: 'zeebe:taskDefinition', property: 'type' },
      },
      {
        id: 'retries',
        label: 'Số lần thử lại',
        type: 'Hidden',
        value: '3',
        group: 'cong-viec',
        binding: { type: 'zeebe:taskDefinition', property: 'retries' },
      },
      ...spec.headers.map(headerProperty),
    ],
  };
}
