// SlipCounter: the running number of each issued form (Mẫu 01–05) per issuing agency and year, printed as
// "Số: 12/PXL". One document per agency, form and year, advanced with a single atomic `$inc` upsert.
import { Schema, model, type InferSchemaType } from 'mongoose';

const slipCounterSchema = new Schema(
  {
    /** `<agency code>|<form 01–05>|<YYYY>` */
    _id: { type: String, required: true },
    seq: { type: Number, required: true },
  },
  { versionKey: false, strict: 'throw' },
);

export type SlipCounter = InferSchemaType<typeof slipCounterSchema>;
export const SlipCounterModel = model<SlipCounter>('SlipCounter', slipCounterSchema);
