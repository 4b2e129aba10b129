// `npm run bench:forms`: cost of validating declarations — the precompiled validators the server and the page
// use, against compiling with ajv at run time — on valid and on broken birth declarations, plus the first
// (cold) run-time compile of every form. Settings: ROUNDS (validations per case).
import { getForm, listForms } from '../forms/registry';
import { createMotcuaAjv, validateDeclaration } from '../forms/validation';
import { validBirthDeclaration } from '../tests/forms/fixtures';

const rounds = Number(process.env.ROUNDS ?? 20_000);

function time(label: string, fn: () => void, n: number): void {
  for (let i = 0; i < Math.min(n, 500); i++) fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  const ns = Number(process.hrtime.bigint() - start);
  console.log(
    `${label.padEnd(58)} ${(n / (ns / 1e9)).toFixed(0).padStart(9)} /s  ${(ns / n / 1000).toFixed(1)} µs each`,
  );
}

const form = getForm('to-khai-khai-sinh')!;
const valid = validBirthDeclaration();
const broken = { ...valid, child: { ...(valid.child as object), birthDate: '2999-13-01', ethnicity: '99' } };

time('validateDeclaration, valid birth declaration', () => validateDeclaration(form, valid), rounds);
time(
  'validateDeclaration, 2 wrong fields (Vietnamese messages)',
  () => validateDeclaration(form, broken),
  rounds,
);
const runtime = createMotcuaAjv().compile(form.schema);
time('ajv compiled at run time, valid birth declaration', () => runtime(valid), rounds);

const start = process.hrtime.bigint();
for (const meta of listForms()) createMotcuaAjv().compile(getForm(meta.id)!.schema);
console.log(
  `cold run-time compile of all ${listForms().length} forms: ${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(0)} ms`,
);
