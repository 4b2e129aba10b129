// The ten national dossier status codes pushed to the National Public Service Portal (DVCQG), and the internal
// sub-states local systems add inside them. Overdue is not here on purpose: it is derived from the deadline.

export const dossierStatuses = {
  1: { key: 'registered', vi: 'Mới đăng ký', en: 'Submitted, not yet accepted' },
  2: { key: 'accepted', vi: 'Được tiếp nhận', en: 'Accepted' },
  3: { key: 'refused', vi: 'Không được tiếp nhận', en: 'Refused at intake' },
  4: { key: 'processing', vi: 'Đang xử lý', en: 'In processing' },
  5: { key: 'supplement-requested', vi: 'Yêu cầu bổ sung giấy tờ', en: 'Returned for supplement' },
  6: {
    key: 'awaiting-payment',
    vi: 'Yêu cầu thực hiện nghĩa vụ tài chính',
    en: 'Awaiting fee or tax payment',
  },
  7: { key: 'withdrawal-requested', vi: 'Công dân yêu cầu rút hồ sơ', en: 'Withdrawal requested' },
  8: { key: 'stopped', vi: 'Dừng xử lý', en: 'Stopped' },
  9: { key: 'resolved', vi: 'Đã xử lý xong', en: 'Result ready' },
  10: { key: 'delivered', vi: 'Đã trả kết quả', en: 'Result delivered' },
} as const;

export type DossierStatus = keyof typeof dossierStatuses;
export const dossierStatusCodes = Object.keys(dossierStatuses).map(Number) as DossierStatus[];

/** Processing has ended: the legal clock no longer runs, so such a dossier can never become overdue. */
export const closedStatuses: readonly DossierStatus[] = [3, 7, 8, 9, 10];
export const openStatuses: readonly DossierStatus[] = dossierStatusCodes.filter(
  (s) => !closedStatuses.includes(s),
);

/** Internal sub-states within a national status (they never replace it in national reporting). */
export const dossierSubStatuses = {
  'supplemented-awaiting-acceptance': {
    vi: 'Đã bổ sung – chờ tiếp nhận',
    en: 'Supplemented, awaiting acceptance',
  },
  'awaiting-signature': { vi: 'Chờ ký duyệt', en: 'Awaiting signature' },
  'awaiting-interagency': { vi: 'Chờ thực hiện liên thông', en: 'Awaiting the inter-agency step' },
  'interagency-result-received': { vi: 'Đã nhận kết quả liên thông', en: 'Inter-agency result received' },
  'awaiting-return': { vi: 'Chờ trả kết quả', en: 'Awaiting result return' },
} as const;
export type DossierSubStatus = keyof typeof dossierSubStatuses;

export function isOverdue(dossier: { status: number; dueAt?: Date | null }, now: Date): boolean {
  return !closedStatuses.includes(dossier.status as DossierStatus) && !!dossier.dueAt && dossier.dueAt < now;
}
