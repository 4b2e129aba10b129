// The mails the development mail catcher received, newest first (for /api/dev/mail and the /dev/mail page).
import { CaughtMailModel } from '../models/CaughtMail';

export const newestCaughtMail = (limit: number) =>
  CaughtMailModel.find().select({ __v: 0 }).sort({ receivedAt: -1 }).limit(limit).lean();
