// A record whose status contradicts its dates would be counted wrongly; reject it with the field named.
import type { DossierRecord, TerminalKind } from './types';

const statusNeedsEvent: Partial<Record<number, TerminalKind>> = {
  3: 'refused',
  7: 'withdrawn',
  8: 'stopped',
};

export function checkRecord(record: DossierRecord): void {
  const problem = (text: string) => new Error(`Hồ sơ ${record.code}: ${text}`);
  if (!Number.isInteger(record.status) || record.status < 1 || record.status > 10) {
    throw problem(`mã trạng thái (status) không hợp lệ: ${record.status}`);
  }
  const needed = statusNeedsEvent[record.status];
  if (needed && !record.terminalEvents.some((event) => event.kind === needed)) {
    throw problem(`trạng thái ${record.status} nhưng thiếu sự kiện "${needed}" trong terminalEvents`);
  }
  if ((record.status === 9 || record.status === 10) && !record.finishedAt && !record.returnedAt) {
    throw problem(
      `trạng thái ${record.status} nhưng thiếu thời gian xử lý xong (finishedAt) hoặc trả kết quả (returnedAt)`,
    );
  }
  if (record.status === 10 && !record.returnedAt) {
    throw problem('trạng thái 10 (Đã trả kết quả) nhưng thiếu thời gian trả kết quả (returnedAt)');
  }
  for (const request of record.supplementRequests) {
    if (request.suppliedAt && request.suppliedAt < request.requestedAt) {
      throw problem('thời gian bổ sung (suppliedAt) trước thời gian yêu cầu bổ sung (requestedAt)');
    }
  }
  if (record.receivedAt && record.receivedAt < record.submittedAt) {
    throw problem('thời gian tiếp nhận (receivedAt) trước thời gian nộp (submittedAt)');
  }
}
