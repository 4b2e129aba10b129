// The words a dossier's way in and way out are said in, one home for all: the store's dossier model, the API's
// submit schema, the due-date rules of the calendar and the workers import them from here.
/** Kênh tiếp nhận: at the counter (trực tiếp), online (trực tuyến) or by post (bưu chính). */
export const CHANNELS = ['counter', 'online', 'post'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Hình thức trả kết quả: how the applicant receives the result. */
export const RETURN_CHANNELS = ['counter', 'post', 'online'] as const;
export type ReturnChannel = (typeof RETURN_CHANNELS)[number];
