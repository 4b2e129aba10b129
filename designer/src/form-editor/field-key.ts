// A field's data key from its Vietnamese label: accents dropped, đ → d, camelCase, at most 40 characters.
export function keyFromLabel(label: string): string {
  const words = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  const key = words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase()))
    .join('')
    .replace(/^[0-9]+/, '');
  // A label opening with a number ("123 Địa chỉ") still gives a key starting lower-case.
  return (key.charAt(0).toLowerCase() + key.slice(1)).slice(0, 40);
}
