// The e-mails an applicant receives, in Vietnamese. The `template` header of a dossier.notify task names one.
import { formatAppointmentVi } from '../processes/calendar';
import type { Dossier } from '../server/models/Dossier';

export interface MessageText {
  subject: string;
  text: string;
}

type Template = (dossier: Dossier, extra: { lookupUrl?: string; ratingUrl?: string }) => MessageText;

const greeting = (d: Dossier) => `Kính gửi ông/bà ${d.applicant.name},`;
const footer = (extra: { lookupUrl?: string }) =>
  extra.lookupUrl ? `\n\nTra cứu tình trạng hồ sơ: ${extra.lookupUrl}` : '';

export const messageTemplates: Record<string, Template> = {
  'tiep-nhan': (d, extra) => ({
    subject: `Hồ sơ ${d.code} đã được tiếp nhận`,
    text: `${greeting(d)}\n\nHồ sơ ${d.code} (${d.procedure.name}) đã được tiếp nhận.${
      d.appointmentAt ? ` Thời gian hẹn trả kết quả: ${formatAppointmentVi(d.appointmentAt)}.` : ''
    }${footer(extra)}`,
  }),
  'bo-sung': (d, extra) => ({
    subject: `Hồ sơ ${d.code} cần bổ sung`,
    text: `${greeting(d)}\n\nHồ sơ ${d.code} (${d.procedure.name}) cần được bổ sung, hoàn thiện theo phiếu yêu cầu đã gửi kèm.${footer(extra)}`,
  }),
  'tu-choi': (d, extra) => ({
    subject: `Hồ sơ ${d.code} không được tiếp nhận giải quyết`,
    text: `${greeting(d)}\n\nHồ sơ ${d.code} (${d.procedure.name}) không được tiếp nhận giải quyết; lý do được nêu trong phiếu từ chối.${footer(extra)}`,
  }),
  'xin-loi-hen-lai': (d, extra) => ({
    subject: `Xin lỗi về việc chậm trả kết quả hồ sơ ${d.code}`,
    text: `${greeting(d)}\n\nCơ quan giải quyết chân thành xin lỗi vì hồ sơ ${d.code} (${d.procedure.name}) chưa có kết quả đúng hẹn.${
      d.appointmentAt ? ` Thời gian hẹn trả kết quả mới: ${formatAppointmentVi(d.appointmentAt)}.` : ''
    }${footer(extra)}`,
  }),
  'co-ket-qua': (d, extra) => ({
    subject: `Hồ sơ ${d.code} đã có kết quả`,
    text: `${greeting(d)}\n\nHồ sơ ${d.code} (${d.procedure.name}) đã có kết quả. Mời ông/bà nhận kết quả theo hình thức đã đăng ký.${footer(extra)}`,
  }),
  'da-tra-ket-qua': (d, extra) => ({
    subject: `Hồ sơ ${d.code} đã trả kết quả: mời đánh giá`,
    text: `${greeting(d)}\n\nKết quả hồ sơ ${d.code} (${d.procedure.name}) đã được trả. Xin ông/bà đánh giá mức độ hài lòng${
      extra.ratingUrl ? ` tại: ${extra.ratingUrl}` : ''
    }.`,
  }),
};
