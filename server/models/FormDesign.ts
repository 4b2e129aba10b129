// A declaration form version made in the designer's form editor. Forms shipped with the code live in
// forms/registry.ts; designed versions live here. The schema documents are kept as JSON text because JSON
// Schema's `$ref`/`$id` keys are not valid field names in a stored document.
import { Schema, model } from 'mongoose';
import { schemaFields, schemaOptions, type StoredDocument } from './model-type';

const formDesignFields = schemaFields({
  formId: { type: String, required: true, maxlength: 100 },
  version: { type: String, required: true, maxlength: 40 },
  /** The version it was edited from (a registry or designed version). */
  baseVersion: { type: String, required: true, maxlength: 40 },
  title: { vi: { type: String, required: true }, en: { type: String, default: '' } },
  schemaJson: { type: String, required: true },
  uischemaJson: { type: String, required: true },
  labelsEnJson: { type: String, default: '{}' },
  createdBy: { type: Schema.Types.ObjectId, ref: 'User' },
  createdAt: { type: Date, required: true },
});
const formDesignOptions = schemaOptions({ strict: 'throw' });

export type FormDesign = StoredDocument<typeof formDesignFields, typeof formDesignOptions>;

const formDesignSchema = new Schema<FormDesign>(formDesignFields, formDesignOptions);
formDesignSchema.index({ formId: 1, version: 1 }, { unique: true });

export const FormDesignModel = model<FormDesign>('FormDesign', formDesignSchema);
