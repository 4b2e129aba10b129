// What a declaration form is, as the registry hands it to the server and the designer.
import type { UISchemaElement } from '@jsonforms/core';
import type { SchemaNode } from './validation/schema-walk';

export type Lang = 'vi' | 'en';

export interface FormMeta {
  id: string;
  version: string;
  title: { vi: string; en: string };
  procedureCodes: string[];
  effectiveFrom: string;
  legalBasis: string[];
  /** Which facts are confirmed from a legal source and which are provisional (see the domain brief's tags). */
  status?: string;
}

export interface FormDefinition {
  meta: FormMeta;
  schema: SchemaNode;
  uischema: UISchemaElement;
  /** English labels keyed by UI-schema scope (#/properties/…) or `group:<Vietnamese group label>`. */
  labelsEn: Record<string, string>;
}
