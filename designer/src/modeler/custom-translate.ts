// diagram-js translate service in the user's language: `{name}` placeholders are filled as diagram-js does.
import { modelerVi } from './translations-vi';

export function translateFor(language: string) {
  const dictionary = language === 'vi' ? modelerVi : {};
  return (template: string, replacements: Record<string, string> = {}) =>
    (dictionary[template] ?? template).replace(
      /{([^}]+)}/g,
      (_match, key: string) => replacements[key] ?? `{${key}}`,
    );
}

export const translateModule = (language: string) => ({ translate: ['value', translateFor(language)] });
