// DossierCounter: the sequence of the day per receiving agency behind the last four digits of a dossier code.
// One document per agency and day, advanced with a single atomic `$inc` upsert.
import { Schema, model } from 'mongoose';

export interface DossierCounter {
  /** `<agency code>|<YYMMDD>` */
  _id: string;
  seq: number;
}

const dossierCounterSchema = new Schema<DossierCounter>(
  { _id: { type: String, required: true }, seq: { type: Number, required: true } },
  { versionKey: false, strict: 'throw' },
);

export const DossierCounterModel = model<DossierCounter>('DossierCounter', dossierCounterSchema);
