/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { getForm, type FormDefinition } from '../../forms/registry';
import { Declaration as FormsDeclaration, runtimeCompiled, type DeclarationProps } from './declaration';
import { validBirthDeclaration, validDeclarations } from './fixtures';

function birthForm(): FormDefinition {
  const form = getForm('to-khai-khai-sinh');
  if (!form) throw new Error('to-khai-khai-sinh missing');
  return form;
}

let latest: unknown;

function Declaration(props: Omit<DeclarationProps, 'onData'>) {
  return <FormsDeclaration {...props} onData={(next) => (latest = next)} />;
}

type Data = Record<string, Record<string, unknown>>;

beforeEach(() => {
  latest = undefined;
});

afterEach(() => {
  // Everything JSON Forms validated (form and rule conditions) came precompiled: no eval needed in the page.
  expect(runtimeCompiled).toEqual([]);
});

describe('birth declaration rendered with JSON Forms and the Một cửa renderers', () => {
  it('shows the official groups, the address cascade and dates as dd/MM/yyyy', () => {
    render(<Declaration form={birthForm()} initial={validBirthDeclaration()} />);
    for (const group of ['A. Kính gửi', 'B. Người yêu cầu', 'C. Người được khai sinh', 'G. Cam đoan']) {
      expect(screen.getByText(group)).toBeTruthy();
    }
    expect((screen.getByTestId('child.birthPlace.province') as HTMLInputElement).value).toBe(
      'Thành phố Hà Nội',
    );
    expect((screen.getByTestId('child.birthPlace.commune') as HTMLInputElement).value).toBe('Phường Ba Đình');
    expect(screen.getByDisplayValue('02/09/2025')).toBeTruthy();
    expect(screen.getAllByText(/Đăng ký khai sinh tại Hà Nội · Nữ · sinh năm 1990/).length).toBeGreaterThan(
      0,
    );
  });

  it('shows a Vietnamese error naming the field that is wrong', () => {
    const data = validBirthDeclaration() as Data;
    delete data.child!.fullName;
    data.mother!.birthYear = 1991;
    render(<Declaration form={birthForm()} initial={data} />);
    expect(screen.getByText('Họ, chữ đệm, tên (Người được khai sinh) là thông tin bắt buộc.')).toBeTruthy();
    expect(
      screen.getByText('Số định danh cá nhân (Mẹ) không khớp với năm sinh đã khai (chữ số thứ 4–6).'),
    ).toBeTruthy();
  });

  it('stores a typed dd/MM/yyyy date as ISO and reports an impossible one in Vietnamese', async () => {
    render(<Declaration form={birthForm()} initial={validBirthDeclaration()} />);
    const input = screen.getByDisplayValue('02/09/2025');
    act(() => {
      fireEvent.change(input, { target: { value: '15/08/2025' } });
    });
    await waitFor(() => expect((latest as Data).child!.birthDate).toBe('2025-08-15'));
    expect((latest as Data).child!.birthDateInWords).toBe(
      'Ngày mười lăm tháng tám năm hai nghìn không trăm hai mươi lăm',
    );
    act(() => {
      fireEvent.change(input, { target: { value: '31/02/2025' } });
    });
    await waitFor(() => expect((latest as Data).child!.birthDate).toBe('31/02/2025'));
    expect(
      screen.getByText('Ngày, tháng, năm sinh (Người được khai sinh) phải là ngày hợp lệ (ngày/tháng/năm).'),
    ).toBeTruthy();
  });

  it('keeps only digits in the CCCD field and explains a wrong number', async () => {
    render(<Declaration form={birthForm()} initial={validBirthDeclaration()} />);
    const requesterId = screen.getAllByDisplayValue('001190123456')[0]!;
    act(() => {
      fireEvent.change(requesterId, { target: { value: '099-190-123456' } });
    });
    await waitFor(() => expect((latest as Data).requester!.idNumber).toBe('099190123456'));
    expect(
      screen.getByText(
        'Số định danh cá nhân (Người yêu cầu) có mã tỉnh nơi đăng ký khai sinh (3 chữ số đầu) không có trong danh mục.',
      ),
    ).toBeTruthy();
  });

  it('clears the commune when the province changes and asks for it again', async () => {
    render(<Declaration form={birthForm()} initial={validBirthDeclaration()} />);
    const province = screen.getByTestId('addressee.province');
    act(() => {
      province.focus();
      fireEvent.change(province, { target: { value: 'Hồ Chí Minh' } });
    });
    const option = await screen.findByRole('option', { name: 'Thành phố Hồ Chí Minh' });
    act(() => {
      fireEvent.click(option);
    });
    await waitFor(() => expect((latest as Data).addressee).toEqual({ province: '79' }));
    const fieldset = screen.getByTestId('addressee.commune').closest('fieldset')!;
    expect(
      within(fieldset).getByText(
        'Xã, phường, đặc khu (Kính gửi: Ủy ban nhân dân xã, phường, đặc khu) là thông tin bắt buộc.',
      ),
    ).toBeTruthy();
  });

  it('speaks English with the English labels when the locale is en', () => {
    const data = validBirthDeclaration() as Data;
    delete data.child!.fullName;
    render(<Declaration form={birthForm()} initial={data} lang="en" />);
    expect(screen.getByText('C. Person to be registered')).toBeTruthy();
    expect(screen.getByText('Full name (Person to be registered) is required.')).toBeTruthy();
    // Option lists and fields of shared definitions are translated too.
    expect(screen.getAllByDisplayValue('Both parents established').length).toBeGreaterThan(0);
    expect(screen.getAllByText('Document type').length).toBeGreaterThan(0);
  });

  it('renders the household-business form with capital in đồng', async () => {
    const form = getForm('giay-de-nghi-dang-ky-ho-kinh-doanh')!;
    render(<Declaration form={form} initial={validDeclarations()[form.meta.id]} />);
    const capital = screen.getByDisplayValue('150.000.000');
    act(() => {
      fireEvent.change(capital, { target: { value: '200.000.000 đ' } });
    });
    await waitFor(() => expect((latest as Record<string, unknown>).capital).toBe(200_000_000));
  });
});
