/** @jest-environment jsdom */
// The form editor as a reformer uses it: add a required field through the dialog (key derived from the label),
// see it in the field list and in the live preview, move and remove it; a refused edit shows its Vietnamese reason
// and leaves the form unchanged.
import { deserialize, serialize } from 'node:v8';
import { useState } from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import '../../designer/src/app/i18n';
import { FormEditor } from '../../designer/src/form-editor/FormEditor';
import { allFields, groupsOf } from '../../designer/src/form-editor/form-model';
import { getForm, type FormDefinition } from '../../forms/registry';
import { ValidatorSource } from '../../designer/src/form-editor/FormPreview';
import { createMotcuaAjv } from '../../forms/validation';
import { registerValidators } from '../../forms/validation/precompiled';
import { ruleConditionSchemas } from '../../forms/validation/rule-schemas';
import { schemaKey } from '../../forms/validation/schema-key';

// The preview asks the server for a changed form's validators (the page's CSP forbids eval); here, with no
// server, they are compiled in the test and registered the same way.
const ajv = createMotcuaAjv();
const compileHere = async (form: FormDefinition) =>
  registerValidators(
    Object.fromEntries(
      [form.schema, ...ruleConditionSchemas(form.uischema).values()].map((schema) => [
        schemaKey(schema),
        ajv.compile(schema),
      ]),
    ),
  );

jest.setTimeout(30_000);

// jest's jsdom environment has no structuredClone (browsers and Node do); the form model clones with it.
globalThis.structuredClone ??= <T,>(value: T): T => deserialize(serialize(value)) as T;

function renderEditor() {
  const initial = getForm('to-khai-khai-sinh')!;
  const seen: FormDefinition[] = [];
  function Harness() {
    const [form, setForm] = useState(initial);
    return (
      <FormEditor
        form={form}
        onChange={(next) => {
          seen.push(next);
          setForm(next);
        }}
      />
    );
  }
  render(
    <ValidatorSource.Provider value={compileHere}>
      <Harness />
    </ValidatorSource.Provider>,
  );
  return { initial, seen, latest: () => seen.at(-1) ?? initial };
}

const firstGroupIndex = (form: FormDefinition) => groupsOf(form).find((g) => g.index >= 0)!.index;

test('adding a required field through the dialog shows it in the list and the preview', async () => {
  const { initial, latest } = renderEditor();
  const group = firstGroupIndex(initial);
  fireEvent.click(screen.getByTestId(`add-field-${group}`));
  const dialog = await screen.findByRole('dialog');
  fireEvent.change(within(dialog).getByLabelText('Nhãn'), {
    target: { value: 'Số điện thoại liên hệ khác' },
  });
  fireEvent.click(within(dialog).getByLabelText('Bắt buộc nhập'));
  fireEvent.click(screen.getByTestId('add-field-confirm'));

  const item = await screen.findByTestId('field-soDienThoaiLienHeKhac');
  expect(item.textContent).toContain('Số điện thoại liên hệ khác *');
  const added = allFields(latest()).find((f) => f.key === 'soDienThoaiLienHeKhac');
  expect(added).toMatchObject({ required: true, type: 'text', label: 'Số điện thoại liên hệ khác' });
  expect(
    groupsOf(latest())
      .find((g) => g.index === group)!
      .fields.at(-1)?.key,
  ).toBe('soDienThoaiLienHeKhac');
  // The preview shows the edit once its validators are compiled (after a 250 ms pause in editing).
  await waitFor(
    () =>
      expect(
        within(screen.getByTestId('form-preview')).getAllByText(/Số điện thoại liên hệ khác/).length,
      ).toBeGreaterThan(0),
    { timeout: 10_000 },
  );
  // The shipped form object is not modified by the edit.
  expect(allFields(initial).some((f) => f.key === 'soDienThoaiLienHeKhac')).toBe(false);
});

test('a selected field moves up and is removed from form and schema', async () => {
  const { initial, latest } = renderEditor();
  const group = groupsOf(initial).find((g) => g.index >= 0 && g.fields.length >= 2)!;
  const last = group.fields.at(-1)!;
  fireEvent.click(screen.getByTestId(`field-${last.key}`));
  fireEvent.click(within(screen.getByTestId(`field-${last.key}`)).getByLabelText('Lên trên'));
  const keys = groupsOf(latest())
    .find((g) => g.index === group.index)!
    .fields.map((f) => f.key);
  expect(keys.at(-2)).toBe(last.key);

  fireEvent.click(within(screen.getByTestId(`field-${last.key}`)).getByLabelText('Xóa trường'));
  await waitFor(() => expect(screen.queryByTestId(`field-${last.key}`)).toBeNull());
  expect(allFields(latest()).some((f) => f.scope === last.scope)).toBe(false);
});

test('removing a group that still has fields is refused with a Vietnamese reason', async () => {
  const { seen } = renderEditor();
  fireEvent.click(screen.getAllByLabelText('Xóa nhóm')[0]!);
  expect(await screen.findByText('Chỉ xóa được nhóm không còn trường nào.')).toBeTruthy();
  expect(seen).toHaveLength(0);
});
