// Mẫu 06 — Phiếu kiểm soát quá trình giải quyết hồ sơ: built on demand from the dossier (./from-dossier.ts), never
// stored. The slip's entry in server/slips/registry.ts.
import type { SlipDefinition } from '../definition';
import type { ControlSlipData } from './data';

export const CONTROL_SLIP_TITLE = 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ';

export const controlSlip = {
  kind: 'control-slip',
  form: '06',
  title: CONTROL_SLIP_TITLE,
  render: (data) => import('./renderer').then((renderer) => renderer.renderControlSlip(data)),
} as const satisfies SlipDefinition<ControlSlipData>;
