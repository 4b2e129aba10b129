import { renderSlip } from '../../../server/slips';
import { receipt } from './fixtures';
import { pdfText } from './pdf-text';

describe('Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả', () => {
  it('prints every field of the form with its Vietnamese diacritics', async () => {
    const pdf = await renderSlip('receipt', receipt);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, pages } = await pdfText(pdf);
    expect(pages).toBe(1);
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'UBND PHƯỜNG HOÀN KIẾM',
      'Số: 125/TNHS',
      'Hoàn Kiếm, ngày 17 tháng 02 năm 2026',
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      'Liên 2: Giao người nộp hồ sơ',
      'Mã hồ sơ: 000.00.64.H26-260217-0011',
      'tiếp nhận hồ sơ của: Nguyễn Văn An',
      'Địa chỉ: Số 12 phố Hàng Bạc, phường Hoàn Kiếm, thành phố Hà Nội',
      'Số điện thoại: 0912 345 678',
      'Email: an.nguyen@example.vn',
      'Nội dung yêu cầu giải quyết: Đăng ký khai sinh',
      'Giấy chứng sinh do cơ sở y tế cấp',
      'Bản chính',
      'Bản sao chứng thực',
      'Số lượng hồ sơ: 01 (bộ)',
      'Thời gian nhận hồ sơ: 15 giờ 05 phút, ngày 17 tháng 02 năm 2026',
      'hẹn trả kết quả): 17 giờ 00 phút, ngày 18 tháng 02 năm 2026',
      'Đăng ký nhận kết quả tại: Bộ phận Một cửa',
      'Quyển số: 03',
      'Số thứ tự: 0011',
      'Mã tra cứu tình trạng hồ sơ: K7Q2-9XHM',
      'NGƯỜI NỘP HỒ SƠ',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      '(Ký và ghi rõ họ tên)',
      'Trần Thị Bình',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('writes the post as pick-up channel and leaves blanks for what is not known', async () => {
    const { text } = await pdfText(
      await renderSlip('receipt', {
        ...receipt,
        applicant: { name: 'Lê Thị Hồng Nhung' },
        resultPickup: 'post',
        resultPickupPlace: 'Số 5 ngõ 12 Lý Thường Kiệt',
        logBook: undefined,
        lookup: undefined,
      }),
    );
    expect(text).toContain('Qua dịch vụ bưu chính công ích — Số 5 ngõ 12 Lý Thường Kiệt');
    expect(text).toContain('Địa chỉ: ……………………');
    expect(text).not.toContain('Quyển số');
    expect(text).not.toContain('Mã tra cứu');
  });

  it('composes decomposed (NFD) Vietnamese text so it prints and copies as precomposed letters', async () => {
    const decomposed = 'Nguyễn Thị Ánh Tuyết'.normalize('NFD');
    expect(decomposed).not.toBe(decomposed.normalize('NFC'));
    const { text } = await pdfText(
      await renderSlip('receipt', { ...receipt, applicant: { name: decomposed } }),
    );
    expect(text).toContain('tiếp nhận hồ sơ của: Nguyễn Thị Ánh Tuyết'.normalize('NFC'));
    expect(text).not.toContain('\u0301');
  });
});
