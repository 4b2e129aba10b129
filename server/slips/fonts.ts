// Noto Serif from an npm package (full Vietnamese coverage, OFL), so slips look the same on every machine and CI
// needs no system fonts. Official forms are set in a serif face (Times New Roman); Noto Serif is the closest
// freely licensed face with every precomposed Vietnamese letter.
import path from 'node:path';

const packageRoot = path.dirname(require.resolve('@expo-google-fonts/noto-serif/package.json'));

const fontFile = (folder: string, file: string) => path.join(packageRoot, folder, file);

export const slipFonts = {
  regular: fontFile('400Regular', 'NotoSerif_400Regular.ttf'),
  bold: fontFile('700Bold', 'NotoSerif_700Bold.ttf'),
  italic: fontFile('400Regular_Italic', 'NotoSerif_400Regular_Italic.ttf'),
  boldItalic: fontFile('700Bold_Italic', 'NotoSerif_700Bold_Italic.ttf'),
} as const;

export type SlipFont = keyof typeof slipFonts;
