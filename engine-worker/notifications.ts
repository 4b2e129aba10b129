// E-mail to the applicant through the outbox: the row is written first (unique per effect key), then sent over
// SMTP and marked. A worker that dies between sending and marking sends again on retry; the fixed Message-ID
// lets the receiving mail system drop that duplicate.
import nodemailer, { type Transporter } from 'nodemailer';
import type { SmtpConfig } from '../server/config/load-config';
import type { Dossier } from '../server/models/Dossier';
import { NotificationModel } from '../server/models/Notification';

export interface Mailer {
  send(input: {
    key: string;
    dossier: Dossier;
    subject: string;
    text: string;
  }): Promise<'sent' | 'no-address'>;
}

export function createMailer(smtp: SmtpConfig | undefined): Mailer {
  const transport: Transporter | undefined = smtp
    ? nodemailer.createTransport({
        host: smtp.host,
        port: smtp.port,
        secure: smtp.secure,
        ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
      })
    : undefined;
  return {
    async send({ key, dossier, subject, text }) {
      const to = dossier.applicant.email;
      if (!to) return 'no-address';
      if (!transport || !smtp) throw new Error('SMTP chưa được cấu hình (SMTP_HOST): không gửi được thư');
      // The outbox row, written the first time and read back on a retry, in one round trip.
      const row = await NotificationModel.findOneAndUpdate(
        { key },
        {
          $setOnInsert: {
            key,
            dossier: dossier._id,
            dossierCode: dossier.code,
            channel: 'email',
            to,
            subject,
            text,
          },
        },
        { upsert: true, returnDocument: 'after', lean: true },
      );
      if (row?.state === 'sent') return 'sent';
      try {
        await transport.sendMail({
          from: smtp.from,
          to,
          subject,
          text,
          messageId: `<${key.replace(/[^\w.-]/g, '.')}@motcua>`,
        });
      } catch (error) {
        await NotificationModel.updateOne(
          { key },
          { $inc: { attempts: 1 }, $set: { lastError: String(error) } },
        );
        throw error;
      }
      await NotificationModel.updateOne(
        { key },
        { $set: { state: 'sent', sentAt: new Date() }, $inc: { attempts: 1 } },
      );
      return 'sent';
    },
  };
}
