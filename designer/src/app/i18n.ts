// Vietnamese by default, English on request; the choice is remembered in the browser.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/api-client';
import { resources } from '../locales';

const storageKey = 'motcua.lang';
const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(storageKey) : null;
const initial = stored === 'en' ? 'en' : 'vi';

void i18next.use(initReactI18next).init({
  resources,
  lng: initial,
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
});
setApiLanguage(initial);

export function switchLanguage(lang: 'vi' | 'en'): void {
  localStorage.setItem(storageKey, lang);
  setApiLanguage(lang);
  document.documentElement.lang = lang;
  void i18next.changeLanguage(lang);
}

export { i18next };
