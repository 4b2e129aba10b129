// Mẫu 02–07: each slip's fields appear in the PDF's text with their diacritics.
import { renderSlip, slipKinds } from '../../../server/slips';
import {
  apology,
  controlSlip,
  logBook,
  logBookEntries,
  refusal,
  stopNotice,
  supplementRequest,
} from './fixtures';
import { pdfText } from './pdf-text';

const motto = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'UBND PHƯỜNG HOÀN KIẾM'];

function expectAll(text: string, expected: string[]) {
  for (const piece of [...motto, ...expected]) expect(text).toContain(piece);
}

describe('Circular 03/2025 Annex I slips', () => {
  it('has a renderer for each of the seven forms', () => {
    expect(slipKinds).toHaveLength(7);
  });

  it('Mẫu 02 lists every item to supplement with its reason and the contact point', async () => {
    const { text } = await pdfText(await renderSlip('supplement-request', supplementRequest));
    expectAll(text, [
      'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
      'Số: 18/PBSHS',
      'Hoàn Kiếm, ngày 18 tháng 02 năm 2026',
      'Mã hồ sơ: 000.00.64.H26-260217-0011',
      'Hồ sơ của: Nguyễn Văn An',
      'Nội dung yêu cầu giải quyết: Đăng ký khai sinh',
      '1. Giấy chứng sinh bản chính — Lý do: bản nộp là bản chụp, không rõ dấu của cơ sở y tế',
      '2. Tờ khai ghi đủ quê quán của người mẹ',
      'Lý do: Hồ sơ chưa đầy đủ theo quy định',
      'Thời hạn bổ sung, hoàn thiện hồ sơ: 17 giờ 00 phút, ngày 25 tháng 02 năm 2026',
      'liên hệ với Trần Thị Bình (quầy số 3), số điện thoại 024 3825 1234 để được hướng dẫn',
      'NGƯỜI HƯỚNG DẪN',
    ]);
  });

  it('Mẫu 03 gives the refusal in writing with its reasons', async () => {
    const { text } = await pdfText(await renderSlip('refusal', refusal));
    expectAll(text, [
      'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
      'Số: 7/TCHS',
      'tiếp nhận hồ sơ của: Nguyễn Văn An',
      'từ chối tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:',
      '1. Đã được hướng dẫn bổ sung nhưng hồ sơ vẫn không đầy đủ',
      '2. Việc khai sinh đã được đăng ký tại nơi khác',
      'Xin trân trọng thông báo!',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      'Trần Thị Bình',
    ]);
  });

  it('Mẫu 04 apologises, asks for the extension and gives the new appointment', async () => {
    const { text } = await pdfText(await renderSlip('apology', apology));
    expectAll(text, [
      'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
      'đề nghị gia hạn thời gian giải quyết',
      'Số: 3/PXL',
      'Kính gửi: Nguyễn Văn An',
      'Ngày 17 tháng 02 năm 2026, Trung tâm Phục vụ hành chính công phường Hoàn Kiếm tiếp nhận hồ sơ Đăng ký khai sinh',
      'mã hồ sơ 000.00.64.H26-260217-0011',
      'Thời gian hẹn trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 18 tháng 02 năm 2026',
      'lý do: Cần xác minh thông tin với cơ sở y tế nơi trẻ sinh ra',
      'gia hạn thời gian giải quyết hồ sơ thêm 03 ngày làm việc',
      'xin lỗi ông/bà và sẽ trả kết quả giải quyết hồ sơ cho ông/bà vào 16 giờ 00 phút, ngày 23 tháng 02 năm 2026',
      'GIÁM ĐỐC',
      '(Ký, ghi rõ họ tên và đóng dấu)',
      'Phạm Quốc Hùng',
    ]);
  });

  it('Mẫu 04 without an extension leaves out the extension sentence', async () => {
    const { text } = await pdfText(await renderSlip('apology', { ...apology, extensionDays: undefined }));
    expect(text).not.toContain('gia hạn thời gian giải quyết hồ sơ thêm');
    expect(text).toContain('Phạm Quốc Hùng');
  });

  it('Mẫu 05 notifies the stop with its reasons, legal ground and what happens to the papers', async () => {
    const { text } = await pdfText(await renderSlip('stop-notice', stopNotice));
    expectAll(text, [
      'THÔNG BÁO DỪNG XỬ LÝ HỒ SƠ',
      'Kính gửi: Nguyễn Văn An',
      'Mã hồ sơ: 000.00.64.H26-260217-0011',
      'Thời gian tiếp nhận hồ sơ: 15 giờ 05 phút, ngày 17 tháng 02 năm 2026',
      'Căn cứ Nghị định số 118/2025/NĐ-CP',
      'thông báo dừng xử lý hồ sơ nêu trên với lý do như sau:',
      '1. Người yêu cầu đề nghị dừng giải quyết hồ sơ bằng văn bản',
      'Trả lại hồ sơ giấy cho người nộp tại Bộ phận Một cửa',
    ]);
  });

  it('Mẫu 06 has one hand-over row per give/receive with its step result', async () => {
    const { text } = await pdfText(await renderSlip('control-slip', controlSlip));
    expectAll(text, [
      'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
      'Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả, mã hồ sơ 000.00.64.H26-260217-0011',
      'Cơ quan (bộ phận) giải quyết hồ sơ: UBND phường Hoàn Kiếm',
      'Cơ quan phối hợp giải quyết hồ sơ: Công an phường Hoàn Kiếm; Bảo hiểm xã hội khu vực Hoàn Kiếm',
      'THỜI GIAN GIAO, NHẬN HỒ SƠ',
      '1. Giao: Bộ phận Một cửa',
      'Nhận: Công chức tư pháp - hộ tịch',
      '15 giờ 30 phút, ngày 17 tháng 02 năm 2026',
      'Người giao: Trần Thị Bình',
      'Người nhận: Đỗ Minh Châu',
      '4. Giao: Bảo hiểm xã hội khu vực Hoàn Kiếm',
      'Chậm do lỗi kết nối cơ sở dữ liệu',
    ]);
    // Step results in row order: none for the first hand-over, then early, on time, late.
    const results = [...text.matchAll(/Trước hạn|Đúng hạn|Quá hạn/g)].map((m) => m[0]);
    expect(results.slice(-3)).toEqual(['Trước hạn', 'Đúng hạn', 'Quá hạn']);
  });

  it('Mẫu 07 exports the log book over several pages, every line and the header on each page', async () => {
    const { text, pages } = await pdfText(await renderSlip('log-book', logBook));
    expect(pages).toBeGreaterThan(2);
    expectAll(text, [
      'SỔ THEO DÕI HỒ SƠ',
      'Từ ngày 01 tháng 02 năm 2026 đến ngày 28 tháng 02 năm 2026',
      'Quyển số 03',
      'Tổng số hồ sơ: 60',
      'Yêu cầu bổ sung',
      'Nhận kết quả qua bưu chính',
    ]);
    for (const entry of logBook.entries) {
      expect(text).toContain(entry.dossierCode);
      expect(text).toContain(entry.applicant.name);
    }
    expect(text.split('Cơ quan chủ trì giải quyết').length - 1).toBe(pages);
  });

  it('Mẫu 07 with one line fits one page', async () => {
    const { text, pages } = await pdfText(
      await renderSlip('log-book', { ...logBook, entries: logBookEntries(1) }),
    );
    expect(pages).toBe(1);
    expect(text).toContain('08:00 02/02/2026');
    expect(text).toContain('Tổng số hồ sơ: 1');
  });
});
