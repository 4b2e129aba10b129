// What the development mail catcher received: JSON at /api/dev/mail and a plain page at /dev/mail, both for
// admins and both 404 unless `npm start` runs the catcher (AppDeps.mailCatcher).
import type { Express, Router } from 'express';
import { devMailRoutes, type CaughtMailListAnswer, type CaughtMailQuery } from '../api-schemas/dev-mail';
import { newestCaughtMail } from '../domain/caught-mail';
import { notFound } from '../errors/api-error';
import type { AppDeps } from '../http/app-deps';
import { mountRoute } from '../http/route';

export function mountDevMailRoutes(router: Router, deps: AppDeps): void {
  mountRoute(router, devMailRoutes.list, async (_req, res, next) => {
    if (!deps.mailCatcher) return next(notFound());
    const { limit } = res.locals.query as CaughtMailQuery;
    const mails = await newestCaughtMail(limit);
    const answer: CaughtMailListAnswer = {
      items: mails.map(({ _id, receivedAt, ...mail }) => ({
        id: String(_id),
        ...mail,
        receivedAt: receivedAt.toISOString(),
      })),
    };
    res.json(answer);
  });
}

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** The page reads the session itself: only /api resumes sessions for every request. */
export function mountDevMailPage(app: Express, deps: AppDeps): void {
  app.get('/dev/mail', async (req, res, next) => {
    try {
      if (!deps.mailCatcher) return next();
      const auth = await deps.sessions.resume(req);
      res.setHeader('Cache-Control', 'no-store');
      if (!auth?.user.roles.includes('admin')) {
        res
          .status(auth ? 403 : 401)
          .type('html')
          .send(
            '<!doctype html><meta charset="utf-8"><title>Thư đã bắt</title>' +
              '<p>Đăng nhập bằng tài khoản quản trị tại <a href="/">trang chính</a> để xem thư đã bắt.</p>',
          );
        return;
      }
      const mails = await newestCaughtMail(200);
      const rows = mails
        .map(
          (m) =>
            `<article><h2>${escapeHtml(m.subject || '(không tiêu đề)')}</h2>` +
            `<p>${escapeHtml(m.receivedAt.toISOString())} — đến ${escapeHtml(m.to.join(', '))}</p>` +
            `<pre>${escapeHtml(m.text)}</pre></article>`,
        )
        .join('\n');
      res
        .type('html')
        .send(
          '<!doctype html><html lang="vi"><meta charset="utf-8"><title>Thư đã bắt (môi trường phát triển)</title>' +
            '<h1>Thư đã bắt — không được gửi đi</h1>' +
            `<p>${mails.length} thư mới nhất mà bộ bắt thư của <code>npm start</code> đã nhận.</p>\n` +
            (rows || '<p>Chưa có thư nào.</p>'),
        );
    } catch (error) {
      next(error);
    }
  });
}
