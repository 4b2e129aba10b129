// The form editor's operations on the shipped birth declaration form: each returns a new form (the old one is
// untouched), keeps JSON Schema and UI schema in step, and refuses edits a reformer cannot mean.
import { getForm, type FormDefinition } from '../../forms/registry';
import { keyFromLabel } from '../../designer/src/form-editor/field-key';
import {
  addField,
  addGroup,
  allFields,
  FormEditError,
  groupsOf,
  moveField,
  moveGroup,
  removeField,
  removeGroup,
  renameGroup,
  updateField,
} from '../../designer/src/form-editor/form-model';

function birthForm(): FormDefinition {
  const form = getForm('to-khai-khai-sinh');
  if (!form) throw new Error('to-khai-khai-sinh is not in the registry');
  return form;
}

const problemOf = (edit: () => unknown) => {
  try {
    edit();
  } catch (error) {
    if (error instanceof FormEditError) return error.problem;
    throw error;
  }
  return null;
};

const phone = { key: 'soDienThoaiKhac', label: 'Số điện thoại khác', type: 'text', required: true } as const;
const firstGroup = (form: FormDefinition) => groupsOf(form).find((g) => g.index >= 0)!;

describe('adding a field', () => {
  test('puts a control in the group and a titled, required property in the schema', () => {
    const form = birthForm();
    const group = firstGroup(form);
    const next = addField(form, group.index, phone);
    const fields = groupsOf(next).find((g) => g.index === group.index)!.fields;
    expect(fields.at(-1)).toMatchObject({
      scope: '#/properties/soDienThoaiKhac',
      key: 'soDienThoaiKhac',
      label: 'Số điện thoại khác',
      type: 'text',
      required: true,
      maxLength: 200,
    });
    expect(next.schema.required).toContain('soDienThoaiKhac');
    expect((next.schema.properties as Record<string, unknown>).soDienThoaiKhac).toEqual({
      type: 'string',
      maxLength: 200,
      title: 'Số điện thoại khác',
    });
    // The form before the edit is left as it was (undo and diffs read it).
    expect(allFields(form).some((f) => f.key === 'soDienThoaiKhac')).toBe(false);
    expect(form.schema.required ?? []).not.toContain('soDienThoaiKhac');
  });

  test('each field type gets its schema: date, choice, CCCD, file and the shared address definition', () => {
    const form = birthForm();
    const index = firstGroup(form).index;
    const typed = (type: 'date' | 'choice' | 'cccd' | 'file' | 'address', key: string) =>
      allFields(addField(form, index, { key, label: key, type, required: false })).find((f) => f.key === key);
    expect(typed('date', 'ngayHen')?.type).toBe('date');
    expect(typed('choice', 'hinhThuc')?.options).toEqual([{ value: 'lua-chon-1', label: 'Lựa chọn 1' }]);
    expect(typed('cccd', 'soDinhDanh')?.type).toBe('cccd');
    expect(typed('file', 'banChup')?.type).toBe('file');
    const withAddress = addField(form, index, {
      key: 'noiO',
      label: 'Nơi ở',
      type: 'address',
      required: false,
    });
    expect((withAddress.schema.properties as Record<string, { $ref?: string }>).noiO?.$ref).toBe(
      '#/definitions/address',
    );
  });

  test('refuses a bad key, a key already used and an empty label', () => {
    const form = birthForm();
    const index = firstGroup(form).index;
    expect(problemOf(() => addField(form, index, { ...phone, key: '1abc' }))).toBe('key-format');
    expect(problemOf(() => addField(form, index, { ...phone, key: 'so-dien-thoai' }))).toBe('key-format');
    const taken = Object.keys(form.schema.properties as object)[0]!;
    expect(problemOf(() => addField(form, index, { ...phone, key: taken }))).toBe('key-taken');
    expect(problemOf(() => addField(form, index, { ...phone, label: '   ' }))).toBe('label-empty');
  });
});

describe('changing a field', () => {
  const withPhone = () => addField(birthForm(), firstGroup(birthForm()).index, phone);
  const scope = '#/properties/soDienThoaiKhac';
  const view = (form: FormDefinition) => allFields(form).find((f) => f.scope === scope)!;

  test('label, length and pattern, required on and off', () => {
    let form = updateField(withPhone(), scope, {
      label: 'Điện thoại bàn',
      minLength: 8,
      maxLength: 11,
      pattern: '^0\\d+$',
      required: false,
    });
    expect(view(form)).toMatchObject({
      label: 'Điện thoại bàn',
      minLength: 8,
      maxLength: 11,
      pattern: '^0\\d+$',
      required: false,
    });
    expect(form.schema.required ?? []).not.toContain('soDienThoaiKhac');
    form = updateField(form, scope, { minLength: null, pattern: null, required: true });
    expect(view(form).minLength).toBeUndefined();
    expect(view(form).pattern).toBeUndefined();
    expect(view(form).required).toBe(true);
    expect(problemOf(() => updateField(form, scope, { label: '' }))).toBe('label-empty');
  });

  test('a new type replaces the schema and keeps the title; options become oneOf', () => {
    const form = updateField(withPhone(), scope, { type: 'choice' });
    const choice = updateField(form, scope, {
      options: [
        { value: 'co-dinh', label: 'Cố định' },
        { value: 'di-dong', label: 'Di động' },
      ],
    });
    expect(view(choice)).toMatchObject({
      type: 'choice',
      label: 'Số điện thoại khác',
      options: [
        { value: 'co-dinh', label: 'Cố định' },
        { value: 'di-dong', label: 'Di động' },
      ],
    });
  });

  test('a condition shows the field only when another field has a value; a field cannot depend on itself', () => {
    const form = birthForm();
    const other = allFields(form).find((f) => f.type === 'choice')!;
    const conditioned = updateField(withPhone(), scope, { showWhen: { scope: other.scope, equals: 'x' } });
    expect(view(conditioned).showWhen).toEqual({ scope: other.scope, equals: 'x' });
    expect(view(updateField(conditioned, scope, { showWhen: null })).showWhen).toBeUndefined();
    expect(problemOf(() => updateField(conditioned, scope, { showWhen: { scope, equals: 'x' } }))).toBe(
      'condition-self',
    );
  });

  test('removing a field drops its property, its required entry and the conditions that read it', () => {
    const base = withPhone();
    const target = allFields(base).find(
      (f) => f.key !== 'soDienThoaiKhac' && f.scope.split('/').length === 3,
    )!;
    const conditioned = updateField(base, target.scope, { showWhen: { scope, equals: '0912345678' } });
    const removed = removeField(conditioned, scope);
    expect(allFields(removed).some((f) => f.scope === scope)).toBe(false);
    expect((removed.schema.properties as Record<string, unknown>).soDienThoaiKhac).toBeUndefined();
    expect(removed.schema.required ?? []).not.toContain('soDienThoaiKhac');
    expect(allFields(removed).find((f) => f.scope === target.scope)?.showWhen).toBeUndefined();
  });
});

describe('ordering and groups', () => {
  test('a field moves up and down within its group and to the end of another group', () => {
    const form = birthForm();
    const [first, second] = groupsOf(form).filter((g) => g.index >= 0);
    const withPhone = addField(form, first!.index, phone);
    const scope = '#/properties/soDienThoaiKhac';
    const keysOf = (f: FormDefinition, index: number) =>
      groupsOf(f)
        .find((g) => g.index === index)!
        .fields.map((x) => x.key);
    const up = moveField(withPhone, scope, { offset: -1 });
    const before = keysOf(withPhone, first!.index);
    expect(keysOf(up, first!.index)).toEqual([...before.slice(0, -2), 'soDienThoaiKhac', before.at(-2)]);
    const moved = moveField(withPhone, scope, { group: second!.index });
    expect(keysOf(moved, first!.index)).not.toContain('soDienThoaiKhac');
    expect(keysOf(moved, second!.index).at(-1)).toBe('soDienThoaiKhac');
  });

  test('groups are added, renamed, reordered, and removed only when empty', () => {
    const form = birthForm();
    const count = groupsOf(form).filter((g) => g.index >= 0).length;
    const added = addGroup(form, 'E. Liên hệ');
    const last = groupsOf(added).at(-1)!;
    expect(last).toMatchObject({ label: 'E. Liên hệ', fields: [] });
    expect(groupsOf(renameGroup(added, last.index, 'E. Thông tin liên hệ')).at(-1)?.label).toBe(
      'E. Thông tin liên hệ',
    );
    const moved = moveGroup(added, last.index, -1);
    expect(groupsOf(moved).at(-2)?.label).toBe('E. Liên hệ');
    expect(groupsOf(removeGroup(added, last.index)).filter((g) => g.index >= 0)).toHaveLength(count);
    expect(problemOf(() => removeGroup(form, firstGroup(form).index))).toBe('group-not-empty');
    expect(problemOf(() => addGroup(form, ' '))).toBe('label-empty');
  });
});

test('a data key comes from the Vietnamese label without accents, in camelCase', () => {
  expect(keyFromLabel('Số điện thoại liên hệ khác')).toBe('soDienThoaiLienHeKhac');
  expect(keyFromLabel('Đơn vị — 2 (ghi rõ)')).toBe('donVi2GhiRo');
  expect(keyFromLabel('123 Địa chỉ')).toBe('diaChi');
  expect(keyFromLabel('a'.repeat(60))).toHaveLength(40);
});
