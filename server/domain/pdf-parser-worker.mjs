// One PDF parsed by pdf.js (through unpdf) in a worker thread, for pdf-inspection.ts: a broken or hostile file
// can take pdf.js seconds to reconstruct, which must not stop the API's event loop. Plain JavaScript, so Node,
// tsx and Jest all start it as it is. Answers { pages } or { problem, detail }.
import { parentPort, workerData } from 'node:worker_threads';
import { getDocumentProxy } from 'unpdf';

const FILE_ATTACHMENT = 17; // pdf.js AnnotationType.FILEATTACHMENT

async function parse(content, maxPages) {
  let document;
  try {
    document = await getDocumentProxy(content, { verbosity: 0 });
  } catch (error) {
    return { problem: error?.name === 'PasswordException' ? 'encrypted' : 'unreadable' };
  }
  try {
    // What pdf.js resolves through the object graph: document, OpenAction and field scripts, attachments.
    if (await document.hasJSActions()) return { problem: 'active-content', detail: 'JavaScript' };
    if ((await document.getJSActions()) !== null) return { problem: 'active-content', detail: 'JavaScript' };
    if ((await document.getAttachments()) !== null)
      return { problem: 'active-content', detail: 'EmbeddedFile' };
    const pages = document.numPages;
    if (pages > maxPages) return { problem: 'too-many-pages', detail: String(pages) };
    // pdf.js checks that the last page exists; a page tree can still name one page object many times to
    // claim more pages than the file has: each page must be a page object of its own.
    const seen = new Set();
    for (let number = 1; number <= pages; number++) {
      const page = await document.getPage(number);
      const ref = page.ref ? `${page.ref.num} ${page.ref.gen}` : `#${number}`;
      if (seen.has(ref)) return { problem: 'unreadable', detail: 'Pages' };
      seen.add(ref);
      if ((await page.getJSActions()) !== null) return { problem: 'active-content', detail: 'JavaScript' };
      for (const annotation of await page.getAnnotations({ intent: 'display' })) {
        if (annotation.annotationType === FILE_ATTACHMENT)
          return { problem: 'active-content', detail: 'EmbeddedFile' };
        if (annotation.actions) return { problem: 'active-content', detail: 'JavaScript' };
      }
    }
    return { pages: Math.max(1, pages) };
  } catch {
    return { problem: 'unreadable' };
  } finally {
    await document.loadingTask.destroy();
  }
}

parentPort.postMessage(await parse(workerData.content, workerData.maxPages));
