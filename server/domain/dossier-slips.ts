// Slip PDFs from what the dossier stores: an issued slip's data (written by the worker that issued it) mapped to
// the form's input by the slip's registry entry, with what the stored data lacks (agency names, place, signers)
// looked up here; the control slip (06) and the log book (07) built on demand.
import type { Types } from 'mongoose';
import { notFound } from '../errors/api-error';
import type { AuthUser } from '../auth/caller';
import { AgencyModel } from '../models/Agency';
import { dossierInScope } from './dossier-scope';
import { DossierModel, type Dossier, type IssuedSlip } from '../models/Dossier';
import { renderIssuedSlip, renderSlip, type SlipAgency, type SlipSigner } from '../slips';
import type { HandOver } from '../slips/control-slip/data';
import { controlSlipFromDossier } from '../slips/control-slip/from-dossier';
import { actingSigner, printedSlipNumber, signedName, type ActingUser } from '../slips/from-dossier';
import { logBookEntryFromDossier } from '../slips/log-book/from-dossier';
import type { StoredSlipBase } from '../slips/stored-data';
import { UserModel } from '../models/User';

type AgencyRow = {
  _id: Types.ObjectId;
  code: string;
  name: string;
  parent?: Types.ObjectId;
  address?: string;
};

async function agencyByCode(code: string): Promise<AgencyRow | null> {
  return AgencyModel.findOne({ code }).lean<AgencyRow>();
}

async function slipAgency(agency: AgencyRow | null): Promise<SlipAgency> {
  if (!agency) return { name: 'BỘ PHẬN MỘT CỬA' };
  const parent = agency.parent ? await AgencyModel.findById(agency.parent).lean<AgencyRow>() : null;
  return {
    name: agency.name.toLocaleUpperCase('vi'),
    ...(parent ? { parentName: parent.name.toLocaleUpperCase('vi') } : {}),
  };
}

/** "UBND phường Hoàn Kiếm" → "Hoàn Kiếm": the place name printed before the date line. */
export function placeOf(agencyName: string | undefined): string {
  if (!agencyName) return '';
  const match = /(?:phường|xã|thị trấn|đặc khu|quận|huyện|thị xã|thành phố|tỉnh)\s+(.+)$/i.exec(agencyName);
  return (match?.[1] ?? agencyName).trim();
}

/** The officer who received the dossier, from its first timeline event by a person: the name they sign with. */
function receivingOfficer(dossier: Dossier, users: Map<string, ActingUser>): SlipSigner {
  const event = dossier.timeline.find((e) => e.actor.kind === 'user');
  const user = event?.actor.userId ? users.get(event.actor.userId.toString()) : undefined;
  return { name: user ? signedName(user.displayName) : (event?.actor.name ?? event?.actor.username ?? '') };
}

/** The accounts of the people who acted on the dossier: who received it (01–03), who signs 04 and 05. */
async function actingUsers(dossier: Dossier): Promise<Map<string, ActingUser>> {
  const ids = dossier.timeline.flatMap((e) =>
    e.actor.kind === 'user' && e.actor.userId ? [e.actor.userId] : [],
  );
  const rows = await UserModel.find({ _id: { $in: ids } }, { displayName: 1, roles: 1, groups: 1 }).lean();
  return new Map(rows.map((u) => [u._id.toHexString(), u]));
}

async function renderIssued(slip: IssuedSlip, dossier: Dossier): Promise<Buffer> {
  const stored = slip.data as Partial<StoredSlipBase>;
  const agencyRow = await agencyByCode(stored.agencyCode || dossier.receivingAgencyCode);
  const users = await actingUsers(dossier);
  return renderIssuedSlip(slip, dossier, {
    heading: {
      agency: await slipAgency(agencyRow),
      number: printedSlipNumber(slip),
      place: placeOf(agencyRow?.name),
      issuedAt: new Date(slip.issuedAt),
    },
    ...(agencyRow ? { issuingAgency: { name: agencyRow.name, address: agencyRow.address } } : {}),
    officer: receivingOfficer(dossier, users),
    // The leader or officer who acted on the dossier up to the slip's issue signs 04 and 05.
    signer: actingSigner(dossier, new Date(slip.issuedAt), users) ?? { name: '' },
  });
}

export async function issuedSlipPdf(user: AuthUser, code: string, number: string): Promise<Buffer> {
  const dossier = await dossierInScope(user, code);
  const slip = (dossier.slips ?? []).find((s) => s.number === number);
  if (!slip) throw notFound('resource');
  return renderIssued(slip, dossier);
}

async function agencyNames(ids: (Types.ObjectId | undefined)[]): Promise<Map<string, string>> {
  const wanted = ids.filter((id): id is Types.ObjectId => !!id);
  const rows = await AgencyModel.find({ _id: { $in: wanted } }, { name: 1 }).lean<AgencyRow[]>();
  return new Map(rows.map((row) => [row._id.toHexString(), row.name]));
}

async function controlSlipPdf(dossier: Dossier): Promise<Buffer> {
  const receiving = await agencyByCode(dossier.receivingAgencyCode);
  const counterName = `Bộ phận Một cửa — ${receiving?.name ?? dossier.receivingAgencyCode}`;
  const names = await agencyNames(dossier.stepDeadlines.map((step) => step.agency));
  const data = controlSlipFromDossier(dossier, {
    agency: await slipAgency(receiving),
    counterName,
    agencyName: (id) => (id ? (names.get(id.toString()) ?? '') : (receiving?.name ?? '')),
  });
  // Inter-agency hand-overs recorded by the transfer worker are the slip's rows when there are any.
  const handovers = dossier.handovers ?? [];
  if (handovers.length) {
    const codes = [...new Set(handovers.flatMap((h) => [h.fromAgencyCode, h.toAgencyCode]))];
    const rows = await AgencyModel.find({ code: { $in: codes } }, { code: 1, name: 1 }).lean<AgencyRow[]>();
    const byCode = new Map(rows.map((row) => [row.code, row.name]));
    data.handOvers = handovers.map((h): HandOver => ({
      fromAgency: byCode.get(h.fromAgencyCode) ?? h.fromAgencyCode,
      toAgency: byCode.get(h.toAgencyCode) ?? h.toAgencyCode,
      at: new Date(h.receivedAt ?? h.givenAt),
      ...(h.timing ? { result: h.timing } : {}),
      note: h.step,
    }));
    data.cooperatingAgencies = [
      ...new Set([...data.cooperatingAgencies, ...handovers.map((h) => byCode.get(h.toAgencyCode) ?? '')]),
    ].filter((name) => name && name !== data.leadAgency);
  }
  return renderSlip('control-slip', data);
}

export async function dossierControlSlipPdf(user: AuthUser, code: string): Promise<Buffer> {
  return controlSlipPdf(await dossierInScope(user, code));
}

/** The log book (07) of the agency's counter: dossiers it received in [from, to). */
export async function logBookPdf(agencyCode: string, from: Date, to: Date): Promise<Buffer> {
  const agency = await agencyByCode(agencyCode);
  const dossiers = await DossierModel.find({
    receivingAgencyCode: agencyCode,
    submittedAt: { $gte: from, $lt: to },
  })
    .sort({ submittedAt: 1, _id: 1 })
    .lean<Dossier[]>();
  const names = await agencyNames(dossiers.flatMap((d) => d.stepDeadlines.map((s) => s.agency)));
  return renderSlip('log-book', {
    agency: await slipAgency(agency),
    from,
    to: new Date(to.getTime() - 1),
    entries: dossiers.map((dossier) => {
      const firstStep = [...dossier.stepDeadlines].sort(
        (a, b) => a.startedAt.getTime() - b.startedAt.getTime(),
      )[0];
      const lead = firstStep?.agency ? names.get(firstStep.agency.toHexString()) : undefined;
      return logBookEntryFromDossier(dossier, lead ?? agency?.name ?? agencyCode);
    }),
  });
}
