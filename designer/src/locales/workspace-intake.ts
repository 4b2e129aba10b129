// Text of the counter intake's documents (upload or scan per component, the receipt's files and slip), merged
// into `ws.intake` by locales/index.ts.

export const vi = {
  upload: 'Tải lên / quét',
  uploadFor: 'Tải lên / quét: {{name}}',
  removeFile: 'Bỏ tệp {{name}}',
  viewFile: 'Xem tệp {{name}}',
  fileType: 'Tệp "{{name}}" không nhận được: chỉ nhận PDF, JPEG hoặc PNG.',
  fileSize: 'Tệp "{{name}}" lớn hơn 20 MB.',
  fileEmpty: 'Tệp "{{name}}" không có nội dung.',
  filesHint: 'PDF, JPEG hoặc PNG, tối đa 20 MB mỗi tệp (bản quét từ máy quét cũng chọn tại đây).',
  uploading: 'Đang lưu hồ sơ và tải lên {{count}} tệp…',
  documents: 'Tài liệu đã tải lên',
  noDocuments: 'Không có tệp điện tử (chỉ nhận bản giấy).',
  uploadFailed: 'Chưa tải lên được {{count}} tệp; hồ sơ đã được lưu, hãy tải lại.',
  retryUpload: 'Tải lại các tệp lỗi',
  queueTicket: 'Số phiếu thứ tự',
  receiptSlip: 'In giấy tiếp nhận và hẹn trả kết quả (Mẫu 01)',
  receiptSlipPending: 'Giấy tiếp nhận (Mẫu 01) đang được lập…',
  receiptSlipNone: 'Giấy tiếp nhận (Mẫu 01) chưa được lập (quy trình xử lý chưa nhận hồ sơ).',
};

export const en: typeof vi = {
  upload: 'Upload / scan',
  uploadFor: 'Upload / scan: {{name}}',
  removeFile: 'Remove file {{name}}',
  viewFile: 'View file {{name}}',
  fileType: 'File "{{name}}" not accepted: only PDF, JPEG or PNG.',
  fileSize: 'File "{{name}}" is larger than 20 MB.',
  fileEmpty: 'File "{{name}}" is empty.',
  filesHint: 'PDF, JPEG or PNG, up to 20 MB each (scanner output is chosen here too).',
  uploading: 'Saving the dossier and uploading {{count}} files…',
  documents: 'Uploaded documents',
  noDocuments: 'No electronic files (paper only).',
  uploadFailed: '{{count}} files were not uploaded; the dossier is saved, upload them again.',
  retryUpload: 'Retry the failed files',
  queueTicket: 'Queue ticket',
  receiptSlip: 'Print the receipt and appointment slip (form 01)',
  receiptSlipPending: 'The receipt slip (form 01) is being issued…',
  receiptSlipNone: 'The receipt slip (form 01) is not issued yet (no process has taken the dossier).',
};
