/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import { getForm, listForms } from '../../forms/registry';
import { validateDeclaration } from '../../forms/validation';
import { Declaration, runtimeCompiled } from './declaration';
import { validDeclarations } from './fixtures';

const ERROR_WORDS = /bắt buộc|không hợp lệ|không đúng|không thuộc|không có trong|không được|phải /;

describe.each(listForms().map((m) => [m.id]))('%s rendered with the Một cửa renderers', (id) => {
  const form = getForm(id)!;

  it('shows every lettered group and no error for a correct declaration, without compiling in the page', () => {
    const { container } = render(<Declaration form={form} initial={validDeclarations()[id]} />);
    for (const group of (form.uischema as unknown as { elements: { label: string }[] }).elements) {
      expect(screen.getByText(group.label)).toBeTruthy();
    }
    const helperTexts = [...container.querySelectorAll('.Mui-error')].map((e) => e.textContent ?? '');
    expect(helperTexts.filter((t) => ERROR_WORDS.test(t))).toEqual([]);
    expect(runtimeCompiled).toEqual([]);
  });

  it('names the missing fields in Vietnamese for an empty declaration', () => {
    render(<Declaration form={form} initial={{}} />);
    const expected = validateDeclaration(form, {}, { lang: 'vi' }).errors.map((e) => e.message);
    const shown = screen.queryAllByText(/là thông tin bắt buộc\.$/).map((e) => e.textContent);
    expect(shown.length).toBeGreaterThan(0);
    for (const message of shown) expect(expected).toContain(message);
  });
});
