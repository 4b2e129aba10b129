// Counter intake of a birth registration in the browser, as an officer does it: the procedure found by search,
// the applicant (CCCD checked on the spot), the declaration typed into the JSON Forms form (dates dd/MM/yyyy,
// the province → commune/ward cascades, reference-data pickers) and the required documents uploaded (a scanned
// PDF and a photo). JSON Forms numbers its control ids, so fields are found by their data pointer.
import type { Locator, Page } from 'playwright-core';

export const birthCode = '1.001193';

/** A one-page PDF as a scanner writes it (the scan worker counts its page objects). */
export function scannedPdf(title: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${44 + title.length} >>\nstream\nBT /F1 18 Tf 72 760 Td (${title}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A 2×2 PNG, the photo of a paper when there is no scanner. */
export const photoPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

/** The input JSON Forms renders for a data pointer such as `child/birthDate` (ids are `#/properties/…N[-input]`). */
export async function field(page: Page, pointer: string): Promise<Locator> {
  const scope = `#/properties/${pointer.split('/').join('/properties/')}`;
  const id = await page.evaluate((prefix) => {
    const input = Array.from(document.querySelectorAll('input')).find(
      (i) => i.id.startsWith(prefix) && /^\d*(-input)?$/.test(i.id.slice(prefix.length)),
    );
    return input?.id;
  }, scope);
  if (!id) throw new Error(`no input for ${pointer} on the page`);
  return page.locator(`[id="${id}"]`);
}

async function type(page: Page, pointer: string, value: string) {
  await (await field(page, pointer)).fill(value);
}

/** An autocomplete (reference data or a oneOf enum): type to filter, then pick the exact option. */
async function pick(page: Page, input: Locator, search: string, option: string) {
  await input.click();
  await input.fill(search);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The province → commune/ward cascade of an address control (`path` is the JSON Forms path, dotted). */
export async function address(page: Page, path: string, province: string, commune: string, detail?: string) {
  await pick(page, page.getByTestId(`${path}.province`), province.replace(/^Thành phố /, ''), province);
  await pick(page, page.getByTestId(`${path}.commune`), commune.replace(/^Phường /, ''), commune);
  if (detail) {
    const fieldset = page.locator('fieldset').filter({ has: page.getByTestId(`${path}.province`) });
    await fieldset.getByLabel('Số nhà, đường, thôn, tổ dân phố').fill(detail);
  }
}

export async function chooseBirthRegistration(page: Page) {
  await page.getByLabel('Thủ tục (tìm theo tên hoặc mã)').fill('khai sinh');
  await page
    .getByRole('option', { name: new RegExp(`^${birthCode.replace(/\./g, '\\.')} — Đăng ký khai sinh`) })
    .click();
  await page.locator('#applicant-name').waitFor();
}

export async function fillApplicant(page: Page, queueTicket: string) {
  await page.locator('#applicant-name').fill('Nguyễn Thị Lan');
  await page.locator('#applicant-idNumber').fill('001190123456');
  await page.locator('#applicant-phone').fill('0912345678');
  await page.locator('#applicant-address').fill('12 Hàng Bạc, Phường Hoàn Kiếm, Hà Nội');
  await page.locator('#queue-ticket').fill(queueTicket);
}

/** Every required field of the birth declaration (to-khai-khai-sinh), with both parents known. */
export async function fillBirthDeclaration(page: Page) {
  await address(page, 'addressee', 'Thành phố Hà Nội', 'Phường Hoàn Kiếm');

  await type(page, 'requester/fullName', 'Nguyễn Thị Lan');
  await type(page, 'requester/idNumber', '001190123456');
  await address(page, 'requester.residence', 'Thành phố Hà Nội', 'Phường Hoàn Kiếm', '12 Hàng Bạc');
  await pick(page, await field(page, 'requester/relationship'), 'Mẹ', 'Mẹ');
  await type(page, 'requester/phone', '0912345678');

  await type(page, 'child/fullName', 'Trần Minh Khôi');
  // Typed key by key as at the counter: each keystroke's emission used to overwrite the next one (a lost digit).
  await (await field(page, 'child/birthDate')).pressSequentially('02/09/2025');
  await pick(page, await field(page, 'child/sex'), 'Nam', 'Nam');
  await pick(page, await field(page, 'child/ethnicity'), 'Kinh', 'Kinh');
  await pick(page, await field(page, 'child/nationality'), 'Việt', 'Việt Nam');
  await pick(page, await field(page, 'child/birthPlaceKind'), 'Cơ sở', 'Cơ sở khám bệnh, chữa bệnh');
  await type(page, 'child/birthFacility', 'Bệnh viện Phụ sản Hà Nội');
  await address(page, 'child.birthPlace', 'Thành phố Hà Nội', 'Phường Ngọc Hà');
  await type(page, 'child/hometown', 'Xã Phù Đổng, Thành phố Hà Nội');
  await pick(page, await field(page, 'parentsKnown'), 'cả cha', 'Xác định được cả cha và mẹ');

  await type(page, 'mother/fullName', 'Nguyễn Thị Lan');
  await type(page, 'mother/birthYear', '1990');
  await type(page, 'mother/idNumber', '001190123456');
  await pick(page, await field(page, 'mother/ethnicity'), 'Kinh', 'Kinh');
  await pick(page, await field(page, 'mother/nationality'), 'Việt', 'Việt Nam');
  await address(page, 'mother.residence', 'Thành phố Hà Nội', 'Phường Hoàn Kiếm', '12 Hàng Bạc');
  await type(page, 'father/fullName', 'Trần Văn Hùng');
  await type(page, 'father/birthYear', '1988');
  await type(page, 'father/idNumber', '001088654321');
  await pick(page, await field(page, 'father/ethnicity'), 'Kinh', 'Kinh');
  await pick(page, await field(page, 'father/nationality'), 'Việt', 'Việt Nam');
  await address(page, 'father.residence', 'Thành phố Hà Nội', 'Phường Hoàn Kiếm', '12 Hàng Bạc');

  await (await field(page, 'commitment/confirmed')).check();
  await type(page, 'commitment/place', 'Phường Hoàn Kiếm');
  await type(page, 'commitment/date', '10/09/2025');
}

/** The two required components: the signed declaration scanned to PDF, the birth certificate photographed. */
export async function uploadBirthDocuments(page: Page) {
  await page.getByTestId('upload-to-khai').setInputFiles({
    name: 'to-khai-khai-sinh.pdf',
    mimeType: 'application/pdf',
    buffer: scannedPdf('To khai dang ky khai sinh'),
  });
  await page
    .getByTestId('files-to-khai')
    .getByRole('link', { name: /to-khai-khai-sinh\.pdf/ })
    .waitFor();
  await page.getByTestId('upload-giay-chung-sinh').setInputFiles({
    name: 'giay-chung-sinh.png',
    mimeType: 'image/png',
    buffer: photoPng,
  });
  await page
    .getByTestId('files-giay-chung-sinh')
    .getByRole('link', { name: /giay-chung-sinh\.png/ })
    .waitFor();
}
