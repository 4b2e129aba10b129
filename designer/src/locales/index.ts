// The web app's texts, one bundle per language: the app's own (vi.ts, en.ts) with the workspace's texts merged
// in under `ws`. The bundles share no key with different words, so the order of the merge changes nothing.
import { en } from './en';
import { vi } from './vi';
import * as workspace from './workspace';
import * as inbox from './workspace-inbox';
import * as intake from './workspace-intake';

type Texts = { [key: string]: string | Texts };

/** A new object with every key of the sources, nested objects merged key by key (later sources win). */
function deepMerge(...sources: Texts[]): Texts {
  const merged: Texts = {};
  for (const source of sources) {
    for (const [key, value] of Object.entries(source)) {
      const held = merged[key];
      merged[key] = typeof value === 'object' && typeof held === 'object' ? deepMerge(held, value) : value;
    }
  }
  return merged;
}

const bundle = (lang: 'vi' | 'en') =>
  deepMerge(
    lang === 'vi' ? vi : en,
    { ws: workspace[lang] },
    { ws: inbox[lang] },
    { ws: { intake: intake[lang] } },
  );

export const resources = {
  vi: { translation: bundle('vi') },
  en: { translation: bundle('en') },
};
