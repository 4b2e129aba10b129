// DossierCounter: the sequence of the day per receiving agency behind the last four digits of a dossier code.
// One document per agency and day, advanced with a single atomic `$inc` upsert.
import { Schema, model, type InferSchemaType } from 'mongoose';

const dossierCounterSchema = new Schema(
  {
    /** `<agency code>|<YYMMDD>` */
    _id: { type: String, required: true },
    seq: { type: Number, required: true },
  },
  { versionKey: false, strict: 'throw' },
);

export type DossierCounter = InferSchemaType<typeof dossierCounterSchema>;
export const DossierCounterModel = model<DossierCounter>('DossierCounter', dossierCounterSchema);
