// The dossiers a permissions file refuses calls on, each with a different applicant: Hoàn Kiếm's counter dossier
// (an uploaded scan, receipt 01, a result document, processing), one of Hoàn Kiếm's awaiting a supplement, Ba
// Đình's counter dossier (its own scan), and the citizen congdan's online filing at Hoàn Kiếm (its receipt secret).
// Built through HTTP; what only the workers write (status, slips, the supplement request) through mongoose.
import { validBirthDeclaration } from '../../../forms/fixtures';
import { DossierModel } from '../../../../server/models/Dossier';
import { counterSubmission, publishBirthRegistration } from '../../support/fixtures';
import type { PermissionSystem } from './permission-system';
import { send } from './refused-calls';

export const hoanKiemCode = '001.00.31.H26';
export const baDinhCode = '001.00.32.H26';

// A 1×1 PNG: a scan every upload check accepts.
export const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const applicants = {
  hoanKiem: { name: 'Nguyễn Văn An', idNumber: '001099012345', phone: '0912345678', address: 'Hoàn Kiếm' },
  supplement: { name: 'Trịnh Thị Dung', idNumber: '001066000444', phone: '0912000444', address: 'Hoàn Kiếm' },
  baDinh: { name: 'Phạm Văn Bình', idNumber: '001088000222', phone: '0912000222', address: 'Ba Đình' },
  citizen: { name: 'Lê Thị Cúc', idNumber: '001077000333', phone: '0912000333', address: 'Hoàn Kiếm' },
};

/** A complete birth registration filing: valid declaration, both originals; counter unless told otherwise. */
export function filing(overrides: Record<string, unknown> = {}) {
  return counterSubmission({ declaration: { data: validBirthDeclaration() }, ...overrides });
}

export interface WorldDossier {
  code: string;
  id: string;
}

export interface DossierWorld {
  /** Hoàn Kiếm's, processing (status 4): scan `fileId`, receipt `slipNumber`, result file `resultFileId`. */
  hoanKiem: WorldDossier & { fileId: string; slipNumber: string; resultFileId: string };
  /** Hoàn Kiếm's, awaiting the applicant's supplement (status 5, request `s1` open). */
  supplement: WorldDossier;
  /** Ba Đình's, with its own scan. */
  baDinh: WorldDossier & { fileId: string };
  /** congdan's online filing at Hoàn Kiếm, with the secret printed on its receipt. */
  citizen: WorldDossier & { receiptSecret: string };
  /** What no refusal may show: the applicants' names and numbers, the dossiers' ids, the receipt secret. */
  secrets: string[];
}

async function file(
  system: PermissionSystem,
  who: 'tiepnhan.hoankiem' | 'tiepnhan.badinh' | 'congdan',
  body: unknown,
) {
  const response = await system.as[who].post('/api/dossiers', body);
  if (response.status !== 201) throw new Error(`${who} could not file: ${JSON.stringify(response.body)}`);
  return {
    code: response.body.dossier.code as string,
    receiptSecret: response.body.receiptSecret as string,
    id: (await DossierModel.findOne(
      { code: response.body.dossier.code },
      { _id: 1 },
    ).lean())!._id.toHexString(),
  };
}

export async function uploadScan(
  system: PermissionSystem,
  who: 'tiepnhan.hoankiem' | 'tiepnhan.badinh',
  code: string,
) {
  const response = await send(
    system,
    system.as[who],
    'POST',
    `/api/dossiers/${code}/documents/giay-chung-sinh`,
    {
      file: png,
      contentType: 'image/png',
    },
  );
  if (response.status !== 201) throw new Error(`scan of ${code}: ${JSON.stringify(response.body)}`);
  return response.body.fileId as string;
}

export function resultForm(name = 'Giấy khai sinh (bản chính)'): FormData {
  const form = new FormData();
  form.append('name', name);
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'giay-khai-sinh.png');
  return form;
}

export async function buildDossierWorld(system: PermissionSystem): Promise<DossierWorld> {
  await publishBirthRegistration();
  const hoanKiem = await file(system, 'tiepnhan.hoankiem', filing({ applicant: applicants.hoanKiem }));
  const fileId = await uploadScan(system, 'tiepnhan.hoankiem', hoanKiem.code);
  const slipNumber = `01-${hoanKiem.code}-1`;
  await DossierModel.updateOne(
    { code: hoanKiem.code },
    {
      $set: { status: 4 },
      $push: {
        slips: {
          kind: '01',
          number: slipNumber,
          formNumber: '1/PTN',
          key: 'receipt',
          issuedAt: new Date(),
          data: { dossierCode: hoanKiem.code, applicant: { name: applicants.hoanKiem.name } },
        },
      },
    },
  );
  const result = await send(
    system,
    system.as['tiepnhan.hoankiem'],
    'POST',
    `/api/dossiers/${hoanKiem.code}/result-documents`,
    resultForm(),
  );
  if (result.status !== 201) throw new Error(`result of ${hoanKiem.code}: ${JSON.stringify(result.body)}`);

  const supplement = await file(system, 'tiepnhan.hoankiem', filing({ applicant: applicants.supplement }));
  await DossierModel.updateOne(
    { code: supplement.code },
    {
      $set: {
        status: 5,
        supplementRequests: [{ key: 's1', requestedAt: new Date(), missingComponents: ['giay-chung-sinh'] }],
      },
    },
  );

  const baDinh = await file(system, 'tiepnhan.badinh', filing({ applicant: applicants.baDinh }));
  const baDinhFile = await uploadScan(system, 'tiepnhan.badinh', baDinh.code);

  const citizen = await file(
    system,
    'congdan',
    filing({ channel: 'online', agencyCode: hoanKiemCode, applicant: applicants.citizen }),
  );

  return {
    hoanKiem: {
      code: hoanKiem.code,
      id: hoanKiem.id,
      fileId,
      slipNumber,
      resultFileId: result.body.document.fileIds[0] as string,
    },
    supplement: { code: supplement.code, id: supplement.id },
    baDinh: { code: baDinh.code, id: baDinh.id, fileId: baDinhFile },
    citizen: { code: citizen.code, id: citizen.id, receiptSecret: citizen.receiptSecret },
    secrets: [
      ...Object.values(applicants).flatMap((a) => [a.name, a.idNumber, a.phone]),
      hoanKiem.id,
      supplement.id,
      baDinh.id,
      citizen.id,
      citizen.receiptSecret,
    ],
  };
}
