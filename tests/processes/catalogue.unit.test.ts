// The catalogue loads, every entry validates, and a broken entry is refused with the folder and field named.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogueError, FORM_IDS, loadCatalogue, type CatalogueEntry } from '../../processes/catalogue';
import { processesDir } from './model-files';

const REQUIRED_SLUGS = [
  'dang-ky-khai-sinh',
  'dang-ky-ket-hon',
  'dang-ky-khai-tu',
  'chung-thuc-ban-sao',
  'dang-ky-ho-kinh-doanh',
  'cap-giay-phep-xay-dung-nha-o',
  'lien-thong-khai-sinh',
  'lien-thong-khai-tu',
];

let catalogue: CatalogueEntry[];

beforeAll(async () => {
  catalogue = await loadCatalogue();
});

test('holds the required procedures across levels and units', () => {
  const slugs = catalogue.map((e) => e.slug);
  expect(slugs).toEqual(expect.arrayContaining(REQUIRED_SLUGS));
  const units = new Set(catalogue.map((e) => e.timeLimit.unit));
  for (const unit of ['working-days', 'days', 'hours', 'same-day'] as const) expect(units).toContain(unit);
});

test('every form id is one of the declaration forms', () => {
  for (const entry of catalogue) {
    for (const form of entry.forms) expect(FORM_IDS).toContain(form);
  }
});

test('every agency of an entry has its process in the folder, one model file per agency', () => {
  for (const entry of catalogue) {
    const ids = entry.models.flatMap((m) => m.processIds);
    expect(ids.sort()).toEqual(entry.agencies.map((a) => a.bpmnProcessId).sort());
    expect(ids).toContain(entry.bpmnProcessId);
  }
});

test('inter-agency packages give each receiving agency a share of the time limit', () => {
  for (const slug of ['lien-thong-khai-sinh', 'lien-thong-khai-tu']) {
    const entry = catalogue.find((e) => e.slug === slug);
    expect(entry?.agencies.length).toBeGreaterThanOrEqual(3);
    for (const agency of entry?.agencies ?? []) expect(agency.share?.value).toBeGreaterThan(0);
  }
});

test('a provisional fact is never marked confirmed', () => {
  for (const entry of catalogue) {
    for (const p of Object.values(entry.provenance)) expect(p.status === 'confirmed').toBe(p.tag === '✔');
  }
});

describe('validation errors name the folder and the field', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'catalogue-'));
    await cp(join(processesDir, 'dang-ky-khai-sinh'), join(dir, 'dang-ky-khai-sinh'), { recursive: true });
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function edit(change: (entry: Record<string, unknown>) => void): Promise<void> {
    const file = join(dir, 'dang-ky-khai-sinh', 'procedure.json');
    const entry = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    change(entry);
    await writeFile(file, JSON.stringify(entry));
  }

  test('a copied folder loads', async () => {
    const loaded = await loadCatalogue(dir);
    expect(loaded.map((e) => e.code)).toEqual(['1.001193']);
  });

  test.each([
    ['code', (e: Record<string, unknown>) => (e.code = '1001193')],
    ['timeLimit.unit', (e: Record<string, unknown>) => (e.timeLimit = { value: 3, unit: 'weeks' })],
    ['forms[0]', (e: Record<string, unknown>) => (e.forms = ['to-khai-khong-co'])],
    [
      'provenance.fees',
      (e: Record<string, unknown>) => delete (e.provenance as Record<string, unknown>).fees,
    ],
    ['slug', (e: Record<string, unknown>) => (e.slug = 'khac')],
    ['effectiveFrom', (e: Record<string, unknown>) => (e.effectiveFrom = '2025-02-29')],
    [
      'components[0].originals',
      (e: Record<string, unknown>) => ((e.components as Record<string, unknown>[])[0]!.originals = -1),
    ],
  ])('%s', async (field, change) => {
    await edit(change);
    const failure = loadCatalogue(dir);
    await expect(failure).rejects.toBeInstanceOf(CatalogueError);
    await expect(failure).rejects.toThrow(`'dang-ky-khai-sinh', trường '${field}'`);
  });

  test('a confirmed status on a third-party fact', async () => {
    await edit((e) => {
      const provenance = e.provenance as Record<string, { status: string; tag: string }>;
      provenance.code = { ...provenance.code!, tag: '◐', status: 'confirmed' };
    });
    await expect(loadCatalogue(dir)).rejects.toThrow("trường 'provenance.code.status'");
  });

  test('an agency whose process is not in the folder', async () => {
    await edit((e) => {
      const agencies = e.agencies as Record<string, unknown>[];
      agencies[0]!.bpmnProcessId = 'khong-co';
      e.bpmnProcessId = 'khong-co';
    });
    await expect(loadCatalogue(dir)).rejects.toThrow("trường 'agencies[0].bpmnProcessId'");
  });
});
