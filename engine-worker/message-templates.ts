// The e-mails an applicant receives, in Vietnamese. The `template` header of a dossier.notify task names one.
import { formatAppointmentVi } from '../processes/calendar';
import type { Dossier } from '../server/models/Dossier';

export interface MessageText {
  subject: string;
  text: string;
}

/** `publicUrl`: base URL of the web app, which the links in the message point to. */
type Template = (dossier: Dossier, publicUrl: string) => MessageText;

const greeting = (d: Dossier) => `Kính gửi ông/bà ${d.applicant.name},`;
/** The result documents by name, e.g. " Giấy tờ kết quả: Giấy khai sinh (bản chính) (1 tệp)." — or nothing. */
export function resultDocumentsLine(d: Dossier): string {
  const documents = d.result?.documents ?? [];
  if (!documents.length) return '';
  const names = documents.map((doc) => `${doc.name} (${doc.fileIds.length} tệp)`).join('; ');
  return `\n\nGiấy tờ kết quả: ${names}.`;
}
const footer = (d: Dossier, publicUrl: string) =>
  `\n\nTra cứu tình trạng hồ sơ: ${publicUrl}/tra-cuu?ma=${d.code}`;

export const messageTemplates: Record<string, Template> = {
  'tiep-nhan': (d, publicUrl) => ({
    subject: `Hồ sơ ${d.code} đã được tiếp nhận`,
    text: `${greeting(d)}\n\nHồ sơ ${d.code} (${d.procedure.name}) đã được tiếp nhận.${
      d.appointmentAt ? ` Thời gian hẹn trả kết quả: ${formatAppointmentVi(d.appointmentAt)}.` : ''
    }${footer(d, publicUrl)}`,
  }),
  'bo-sung': (d, publicUrl) => ({
    subject: `Hồ sơ ${d.code} cần bổ sung`,
    text: `${greeting(d)}\n\nHồ sơ ${d.code} (${d.procedure.name}) cần được bổ sung, hoàn thiện theo phiếu yêu cầu đã gửi kèm.${footer(d, publicUrl)}`,
  }),
  'tu-choi': (d, publicUrl) => ({
    subject: `Hồ sơ ${d.code} không được tiếp nhận giải quyết`,
    text: `${greeting(d)}\n\nHồ sơ ${d.code} (${d.procedure.name}) không được tiếp nhận giải quyết; lý do được nêu trong phiếu từ chối.${footer(d, publicUrl)}`,
  }),
  'xin-loi-hen-lai': (d, publicUrl) => ({
    subject: `Xin lỗi về việc chậm trả kết quả hồ sơ ${d.code}`,
    text: `${greeting(d)}\n\nCơ quan giải quyết chân thành xin lỗi vì hồ sơ ${d.code} (${d.procedure.name}) chưa có kết quả đúng hẹn.${
      d.appointmentAt ? ` Thời gian hẹn trả kết quả mới: ${formatAppointmentVi(d.appointmentAt)}.` : ''
    }${footer(d, publicUrl)}`,
  }),
  'co-ket-qua': (d, publicUrl) => ({
    subject: `Hồ sơ ${d.code} đã có kết quả`,
    text: `${greeting(d)}\n\nHồ sơ ${d.code} (${d.procedure.name}) đã có kết quả. Mời ông/bà nhận kết quả theo hình thức đã đăng ký.${resultDocumentsLine(d)}${footer(d, publicUrl)}`,
  }),
  'da-tra-ket-qua': (d, publicUrl) => ({
    subject: `Hồ sơ ${d.code} đã trả kết quả: mời đánh giá`,
    text: `${greeting(d)}\n\nKết quả hồ sơ ${d.code} (${d.procedure.name}) đã được trả.${resultDocumentsLine(d)}\n\nXin ông/bà đánh giá mức độ hài lòng tại: ${publicUrl}/danh-gia?ma=${d.code}.`,
  }),
};
