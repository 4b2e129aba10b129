// Every declaration form, by id and version. Forms are static JSON so the server and the Vite bundle load the
// same files; a new version of a form is a new entry here (dossiers keep the version in force at receipt).
import type { UISchemaElement } from '@jsonforms/core';
import type { FormDefinition, FormMeta } from './types';
import type { SchemaNode } from './validation/schema-walk';

import toKhaiKhaiSinhMeta from './to-khai-khai-sinh/form.json';
import toKhaiKhaiSinhSchema from './to-khai-khai-sinh/schema.json';
import toKhaiKhaiSinhUi from './to-khai-khai-sinh/uischema.json';
import toKhaiKhaiSinhEn from './to-khai-khai-sinh/labels.en.json';
import toKhaiKetHonMeta from './to-khai-ket-hon/form.json';
import toKhaiKetHonSchema from './to-khai-ket-hon/schema.json';
import toKhaiKetHonUi from './to-khai-ket-hon/uischema.json';
import toKhaiKetHonEn from './to-khai-ket-hon/labels.en.json';
import toKhaiKhaiTuMeta from './to-khai-khai-tu/form.json';
import toKhaiKhaiTuSchema from './to-khai-khai-tu/schema.json';
import toKhaiKhaiTuUi from './to-khai-khai-tu/uischema.json';
import toKhaiKhaiTuEn from './to-khai-khai-tu/labels.en.json';
import deNghiChungThucBanSaoMeta from './de-nghi-chung-thuc-ban-sao/form.json';
import deNghiChungThucBanSaoSchema from './de-nghi-chung-thuc-ban-sao/schema.json';
import deNghiChungThucBanSaoUi from './de-nghi-chung-thuc-ban-sao/uischema.json';
import deNghiChungThucBanSaoEn from './de-nghi-chung-thuc-ban-sao/labels.en.json';
import giayDeNghiDangKyHoKinhDoanhMeta from './giay-de-nghi-dang-ky-ho-kinh-doanh/form.json';
import giayDeNghiDangKyHoKinhDoanhSchema from './giay-de-nghi-dang-ky-ho-kinh-doanh/schema.json';
import giayDeNghiDangKyHoKinhDoanhUi from './giay-de-nghi-dang-ky-ho-kinh-doanh/uischema.json';
import giayDeNghiDangKyHoKinhDoanhEn from './giay-de-nghi-dang-ky-ho-kinh-doanh/labels.en.json';
import donDeNghiCapGiayPhepXayDungNhaOMeta from './don-de-nghi-cap-giay-phep-xay-dung-nha-o/form.json';
import donDeNghiCapGiayPhepXayDungNhaOSchema from './don-de-nghi-cap-giay-phep-xay-dung-nha-o/schema.json';
import donDeNghiCapGiayPhepXayDungNhaOUi from './don-de-nghi-cap-giay-phep-xay-dung-nha-o/uischema.json';
import donDeNghiCapGiayPhepXayDungNhaOEn from './don-de-nghi-cap-giay-phep-xay-dung-nha-o/labels.en.json';
import toKhaiLienThongKhaiSinhTreDuoi6Meta from './to-khai-lien-thong-khai-sinh-tre-duoi-6/form.json';
import toKhaiLienThongKhaiSinhTreDuoi6Schema from './to-khai-lien-thong-khai-sinh-tre-duoi-6/schema.json';
import toKhaiLienThongKhaiSinhTreDuoi6Ui from './to-khai-lien-thong-khai-sinh-tre-duoi-6/uischema.json';
import toKhaiLienThongKhaiSinhTreDuoi6En from './to-khai-lien-thong-khai-sinh-tre-duoi-6/labels.en.json';
import toKhaiLienThongKhaiTuMeta from './to-khai-lien-thong-khai-tu/form.json';
import toKhaiLienThongKhaiTuSchema from './to-khai-lien-thong-khai-tu/schema.json';
import toKhaiLienThongKhaiTuUi from './to-khai-lien-thong-khai-tu/uischema.json';
import toKhaiLienThongKhaiTuEn from './to-khai-lien-thong-khai-tu/labels.en.json';

export type { FormDefinition, FormMeta, Lang } from './types';

function define(meta: unknown, schema: unknown, uischema: unknown, labelsEn: unknown): FormDefinition {
  return {
    meta: meta as FormMeta,
    schema: schema as SchemaNode,
    uischema: uischema as UISchemaElement,
    labelsEn: labelsEn as Record<string, string>,
  };
}

const FORMS: FormDefinition[] = [
  define(toKhaiKhaiSinhMeta, toKhaiKhaiSinhSchema, toKhaiKhaiSinhUi, toKhaiKhaiSinhEn),
  define(toKhaiKetHonMeta, toKhaiKetHonSchema, toKhaiKetHonUi, toKhaiKetHonEn),
  define(toKhaiKhaiTuMeta, toKhaiKhaiTuSchema, toKhaiKhaiTuUi, toKhaiKhaiTuEn),
  define(
    deNghiChungThucBanSaoMeta,
    deNghiChungThucBanSaoSchema,
    deNghiChungThucBanSaoUi,
    deNghiChungThucBanSaoEn,
  ),
  define(
    giayDeNghiDangKyHoKinhDoanhMeta,
    giayDeNghiDangKyHoKinhDoanhSchema,
    giayDeNghiDangKyHoKinhDoanhUi,
    giayDeNghiDangKyHoKinhDoanhEn,
  ),
  define(
    donDeNghiCapGiayPhepXayDungNhaOMeta,
    donDeNghiCapGiayPhepXayDungNhaOSchema,
    donDeNghiCapGiayPhepXayDungNhaOUi,
    donDeNghiCapGiayPhepXayDungNhaOEn,
  ),
  define(
    toKhaiLienThongKhaiSinhTreDuoi6Meta,
    toKhaiLienThongKhaiSinhTreDuoi6Schema,
    toKhaiLienThongKhaiSinhTreDuoi6Ui,
    toKhaiLienThongKhaiSinhTreDuoi6En,
  ),
  define(
    toKhaiLienThongKhaiTuMeta,
    toKhaiLienThongKhaiTuSchema,
    toKhaiLienThongKhaiTuUi,
    toKhaiLienThongKhaiTuEn,
  ),
];

/** Newest version first within each id. */
function compareVersions(a: string, b: string): number {
  return b.localeCompare(a, undefined, { numeric: true });
}

export function listForms(): FormMeta[] {
  const latest = new Map<string, FormMeta>();
  for (const form of FORMS) {
    const seen = latest.get(form.meta.id);
    if (!seen || compareVersions(form.meta.version, seen.version) < 0) latest.set(form.meta.id, form.meta);
  }
  return [...latest.values()];
}

export function listFormVersions(formId: string): FormMeta[] {
  return FORMS.filter((f) => f.meta.id === formId)
    .map((f) => f.meta)
    .sort((a, b) => compareVersions(a.version, b.version));
}

export function getForm(formId: string, version?: string): FormDefinition | undefined {
  const candidates = FORMS.filter(
    (f) => f.meta.id === formId && (version === undefined || f.meta.version === version),
  );
  return candidates.sort((a, b) => compareVersions(a.meta.version, b.meta.version))[0];
}
