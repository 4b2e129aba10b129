/** @jest-environment jsdom */
// The declaration form's light renderers (designer/src/components/declaration/declaration-renderers) as an officer meets them:
// every text, number and integer field named by its label with the input id the counter's lookups use, a required
// mark on required fields only, the Vietnamese error shown once the field is left (or all of them after a submit
// attempt), typed values reaching the form data, read-only mode disabling the inputs, and the kinds they do not
// take (choices, dates, CCCD) still rendered by the project's and JSON Forms' controls.
import { useState } from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import '../../designer/src/app/i18n';
import { DeclarationForm } from '../../designer/src/components/declaration/DeclarationForm';
import { lightKind } from '../../designer/src/components/declaration/declaration-renderers';
import { createMotcuaAjv } from '../../forms/validation';
import type { FormDefinition } from '../../forms/types';

jest.setTimeout(30_000);

const form: FormDefinition = {
  meta: {
    id: 'thu-renderer',
    version: '1',
    title: { vi: 'Tờ khai thử', en: 'Test form' },
    procedureCodes: [],
    effectiveFrom: '2026-01-01',
    legalBasis: [],
  },
  schema: {
    type: 'object',
    properties: {
      hoTen: { type: 'string', maxLength: 100, title: 'Họ, chữ đệm, tên' },
      ghiChu: { type: 'string', title: 'Ghi chú' },
      soBanSao: { type: 'integer', minimum: 1, title: 'Số bản sao' },
      dienTich: { type: 'number', title: 'Diện tích (m²)' },
      gioiTinh: {
        type: 'string',
        title: 'Giới tính',
        oneOf: [
          { const: 'nam', title: 'Nam' },
          { const: 'nu', title: 'Nữ' },
        ],
      },
      ngaySinh: { type: 'string', format: 'date', title: 'Ngày sinh' },
      soDinhDanh: { type: 'string', cccd: true, title: 'Số định danh cá nhân' },
    },
    required: ['hoTen', 'soBanSao', 'gioiTinh'],
  },
  uischema: {
    type: 'VerticalLayout',
    elements: [
      {
        type: 'Group',
        label: 'Người yêu cầu',
        elements: [
          { type: 'Control', scope: '#/properties/hoTen', label: 'Họ, chữ đệm, tên' },
          { type: 'Control', scope: '#/properties/ghiChu', label: 'Ghi chú' },
          { type: 'Control', scope: '#/properties/soBanSao', label: 'Số bản sao' },
          { type: 'Control', scope: '#/properties/dienTich', label: 'Diện tích (m²)' },
          { type: 'Control', scope: '#/properties/gioiTinh', label: 'Giới tính' },
          { type: 'Control', scope: '#/properties/ngaySinh', label: 'Ngày sinh' },
          { type: 'Control', scope: '#/properties/soDinhDanh', label: 'Số định danh cá nhân' },
        ],
      },
    ],
  } as FormDefinition['uischema'],
  labelsEn: {},
};

const ajv = createMotcuaAjv();

function renderForm(props: { readonly?: boolean; showAllErrors?: boolean } = {}) {
  const seen: Record<string, unknown>[] = [];
  function Harness() {
    const [data, setData] = useState<Record<string, unknown>>({});
    return (
      <DeclarationForm
        form={form}
        data={data}
        ajv={ajv}
        onChange={(next) => {
          seen.push(next);
          setData(next);
        }}
        {...props}
      />
    );
  }
  const view = render(<Harness />);
  return { ...view, latest: () => seen.at(-1) ?? {} };
}

/** The input whose accessible name is the label (MUI's asterisk is aria-hidden, so not part of it). */
function input(label: string): HTMLInputElement {
  const found = (['textbox', 'spinbutton', 'combobox'] as const).flatMap((role) =>
    screen.queryAllByRole(role, { name: label }),
  );
  expect(found).toHaveLength(1);
  return found[0] as HTMLInputElement;
}
const asterisk = (el: HTMLElement) =>
  Array.from(document.querySelectorAll('label'))
    .find((label) => label.htmlFor === el.id)
    ?.querySelector('.MuiFormLabel-asterisk');
const helper = (el: HTMLElement) =>
  el.closest('.MuiFormControl-root')!.querySelector('.MuiFormHelperText-root');

test('text, number and integer fields are the light inputs, each named by its label, required ones marked', () => {
  renderForm();
  const name = input('Họ, chữ đệm, tên');
  const note = input('Ghi chú');
  const copies = input('Số bản sao');
  const area = input('Diện tích (m²)');
  for (const el of [name, note, copies, area]) {
    expect(el.closest('.motcua-field')).not.toBeNull();
    expect(el.id).toMatch(/^#\/properties\/\w+\d*-input$/);
  }
  expect(name.id.startsWith('#/properties/hoTen')).toBe(true);
  expect([name.type, copies.type, area.type]).toEqual(['text', 'number', 'number']);
  expect(asterisk(name)).not.toBeNull();
  expect(asterisk(copies)).not.toBeNull();
  expect(asterisk(note)).toBeNull();
  expect(asterisk(area)).toBeNull();
  expect(name.getAttribute('aria-required')).toBe('true');
  expect(screen.getByText('Người yêu cầu')).toBeTruthy();
  // Untouched: no error yet, though the required fields are empty.
  expect(helper(name)).toBeNull();
  expect(screen.queryByText(/là thông tin bắt buộc/)).toBeNull();
});

test('a required field left empty shows its Vietnamese error, named for the input', async () => {
  renderForm();
  const name = input('Họ, chữ đệm, tên');
  fireEvent.focus(name);
  fireEvent.blur(name);
  const message = await screen.findByText('Họ, chữ đệm, tên là thông tin bắt buộc.');
  expect(message.classList.contains('Mui-error')).toBe(true);
  expect(name.getAttribute('aria-invalid')).toBe('true');
  expect(name.getAttribute('aria-describedby')).toBe(message.id);
  // Only the left field: the other required ones stay quiet.
  expect(screen.queryByText(/Số bản sao là thông tin bắt buộc/)).toBeNull();
});

test('after a submit attempt every error shows, including the integer and choice fields', async () => {
  renderForm({ showAllErrors: true });
  await screen.findByText('Họ, chữ đệm, tên là thông tin bắt buộc.');
  expect(screen.getByText('Số bản sao là thông tin bắt buộc.')).toBeTruthy();
  expect(screen.getByText('Giới tính là thông tin bắt buộc.')).toBeTruthy();
});

test('typed values reach the form data as strings, integers and numbers', async () => {
  const { latest } = renderForm();
  fireEvent.change(input('Họ, chữ đệm, tên'), { target: { value: 'Nguyễn Văn An' } });
  fireEvent.change(input('Số bản sao'), { target: { value: '3' } });
  fireEvent.change(input('Diện tích (m²)'), { target: { value: '72.5' } });
  await waitFor(() => expect(latest()).toEqual({ hoTen: 'Nguyễn Văn An', soBanSao: 3, dienTich: 72.5 }));
  // An integer below its minimum shows the schema's Vietnamese message once left.
  const copies = input('Số bản sao');
  fireEvent.focus(copies);
  fireEvent.change(copies, { target: { value: '0' } });
  fireEvent.blur(copies);
  await screen.findByText('Số bản sao phải lớn hơn hoặc bằng 1.');
  // Emptied: the key leaves the data (as JSON Forms' own controls do).
  fireEvent.change(input('Ghi chú'), { target: { value: 'x' } });
  await waitFor(() => expect(latest().ghiChu).toBe('x'));
  fireEvent.change(input('Ghi chú'), { target: { value: '' } });
  await waitFor(() => expect('ghiChu' in latest()).toBe(false));
});

test('choices, dates and CCCD keep their own controls; read-only mode disables every input', async () => {
  const { unmount } = renderForm();
  expect(input('Giới tính').closest('.motcua-field')).toBeNull();
  expect(input('Giới tính').getAttribute('role')).toBe('combobox');
  expect(input('Ngày sinh').closest('.motcua-field')).toBeNull();
  expect(input('Ngày sinh').placeholder).toBe('dd/MM/yyyy');
  expect(input('Số định danh cá nhân').closest('.motcua-field')).toBeNull();
  unmount();
  renderForm({ readonly: true });
  await act(async () => undefined);
  const inputs = Array.from(document.querySelectorAll('input'));
  expect(inputs.length).toBeGreaterThanOrEqual(7);
  for (const el of inputs) expect(el.disabled).toBe(true);
});

test('only plain fields and layouts are claimed', () => {
  const root = form.schema;
  const ctx = { rootSchema: root, config: {} };
  const control = (scope: string, options?: Record<string, unknown>) => ({ type: 'Control', scope, options });
  expect(lightKind(control('#/properties/hoTen'), root, ctx)).toBe('text');
  expect(lightKind(control('#/properties/soBanSao'), root, ctx)).toBe('integer');
  expect(lightKind(control('#/properties/gioiTinh'), root, ctx)).toBeUndefined();
  expect(lightKind(control('#/properties/ngaySinh'), root, ctx)).toBeUndefined();
  expect(lightKind(control('#/properties/soDinhDanh'), root, ctx)).toBeUndefined();
  expect(lightKind(control('#/properties/ghiChu', { multi: true }), root, ctx)).toBeUndefined();
  expect(lightKind({ type: 'HorizontalLayout', elements: [] }, root, ctx)).toBeUndefined();
  expect(lightKind({ type: 'Group', elements: [] }, root, ctx)).toBe('group');
  // Nested objects, shared definitions ($ref) and a missing property resolve as JSON Forms resolves them.
  const withRefs = {
    type: 'object',
    definitions: { person: { type: 'object', properties: { birthYear: { type: 'integer' } } } },
    properties: {
      mother: { $ref: '#/definitions/person' },
      child: { type: 'object', properties: { name: { type: 'string' }, sex: { $ref: '#/definitions/sex' } } },
    },
  };
  (withRefs.definitions as Record<string, object>).sex = { type: 'string', enum: ['nam', 'nu'] };
  const refCtx = { rootSchema: withRefs, config: {} };
  expect(lightKind(control('#/properties/mother/properties/birthYear'), withRefs, refCtx)).toBe('integer');
  expect(lightKind(control('#/properties/child/properties/name'), withRefs, refCtx)).toBe('text');
  expect(lightKind(control('#/properties/child/properties/sex'), withRefs, refCtx)).toBeUndefined();
  expect(lightKind(control('#/properties/child'), withRefs, refCtx)).toBeUndefined();
  expect(lightKind(control('#/properties/nobody'), withRefs, refCtx)).toBeUndefined();
});
