// Types of the generated standalone validators (see ../precompile.ts).
import type { ValidateFunction } from 'ajv';

/** Validator per schemaKey() of each form schema and each UI-schema rule condition. */
export declare const validatorsBySchemaKey: Record<string, ValidateFunction>;
