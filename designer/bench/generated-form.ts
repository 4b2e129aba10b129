// A generated declaration form of `fields` text fields in groups of 20, half of them required.
import type { FormDefinition } from '../../forms/types';

export function generatedForm(fields: number): FormDefinition {
  const properties: Record<string, object> = {};
  const required: string[] = [];
  const groups: { type: string; label: string; elements: object[] }[] = [];
  for (let i = 1; i <= fields; i++) {
    const key = `truong${i}`;
    properties[key] = { type: 'string', maxLength: 200, title: `Trường số ${i}` };
    if (i % 2) required.push(key);
    if ((i - 1) % 20 === 0) groups.push({ type: 'Group', label: `Nhóm ${groups.length + 1}`, elements: [] });
    groups.at(-1)!.elements.push({ type: 'Control', scope: `#/properties/${key}`, label: `Trường số ${i}` });
  }
  return {
    meta: {
      id: 'bench-form',
      version: '1',
      title: { vi: 'Tờ khai thử', en: 'Bench form' },
      procedureCodes: [],
      effectiveFrom: '2026-01-01',
      legalBasis: [],
    },
    schema: { type: 'object', properties, required },
    uischema: { type: 'VerticalLayout', elements: groups } as FormDefinition['uischema'],
    labelsEn: {},
  };
}
