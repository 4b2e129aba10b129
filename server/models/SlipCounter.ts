// SlipCounter: the running number of each issued form (Mẫu 01–05) per issuing agency and year, printed as
// "Số: 12/PXL". One document per agency, form and year, advanced with a single atomic `$inc` upsert.
import { Schema, model } from 'mongoose';

export interface SlipCounter {
  /** `<agency code>|<form 01–05>|<YYYY>` */
  _id: string;
  seq: number;
}

const slipCounterSchema = new Schema<SlipCounter>(
  { _id: { type: String, required: true }, seq: { type: Number, required: true } },
  { versionKey: false, strict: 'throw' },
);

export const SlipCounterModel = model<SlipCounter>('SlipCounter', slipCounterSchema);
