// What a name or a free text the API stores may hold, as the `x-display-text` keyword of the request schemas:
// the value is NFC-normalised as it is validated (so the store holds the composed form slips, searches and
// duplicate checks compare), and refused when it carries control or text-direction characters, stacks marks, or
// shows nothing (whitespace or zero-width characters only). Names also need a letter and stay on one line.
import type { FuncKeywordDefinition, SchemaValidateFunction } from 'ajv';
import type { MessageKey } from '../errors/messages';

export const DISPLAY_TEXT_KEYWORD = 'x-display-text';

/** name: a person's, agency's or thing's name, one line; text: a reason, note or comment, lines allowed. */
export type DisplayTextKind = 'name' | 'text';
export type DisplayTextProblem = 'control' | 'bidi' | 'marks' | 'letter' | 'visible';

/** The field message of each problem (server/errors/messages.ts). */
export const displayTextMessages: Record<DisplayTextProblem, MessageKey> = {
  control: 'field_text_control',
  bidi: 'field_text_bidi',
  marks: 'field_text_marks',
  letter: 'field_text_letter',
  visible: 'field_text_visible',
};

/** Vietnamese needs none once composed; a few scripts stack three or four; "Zalgo" text stacks dozens. */
const MAX_STACKED_MARKS = 4;

// Embeddings, overrides and isolates (U+202A–202E, U+2066–2069) and the direction marks: they reorder what an
// officer reads on a screen or slip, e.g. a name that displays as another.
const BIDI_CONTROL = /\p{Bidi_Control}/u;
// Names: every control (NUL, tab, line breaks), lone surrogate and invisible format character (zero-width space
// and joiners, BOM, soft hyphen), and the line and paragraph separators.
const NAME_HIDDEN = /[\p{Cc}\p{Cs}\p{Cf}\p{Zl}\p{Zp}]/u;
// Texts keep tab and line breaks, and format characters such as the joiners of emoji sequences.
const TEXT_HIDDEN = /(?![\t\n\r])[\p{Cc}\p{Cs}]/u;
const STACKED_MARKS = new RegExp(`\\p{M}{${MAX_STACKED_MARKS + 1},}`, 'u');
const LETTER = /\p{L}/u;
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

/** The first rule an already NFC-normalised value breaks, if any; the empty string is left to minLength. */
export function displayTextProblem(kind: DisplayTextKind, value: string): DisplayTextProblem | undefined {
  if (value === '') return undefined;
  if (BIDI_CONTROL.test(value)) return 'bidi';
  if ((kind === 'name' ? NAME_HIDDEN : TEXT_HIDDEN).test(value)) return 'control';
  if (STACKED_MARKS.test(value)) return 'marks';
  if (kind === 'name' && !LETTER.test(value)) return 'letter';
  if (!VISIBLE.test(value)) return 'visible';
  return undefined;
}

const validateDisplayText: SchemaValidateFunction = (
  kind: DisplayTextKind,
  data: string,
  _schema,
  dataCxt,
) => {
  const value = data.normalize('NFC');
  if (value !== data && dataCxt) {
    (dataCxt.parentData as Record<string | number, unknown>)[dataCxt.parentDataProperty] = value;
  }
  const problem = displayTextProblem(kind, value);
  validateDisplayText.errors = problem
    ? [{ keyword: DISPLAY_TEXT_KEYWORD, message: `must be a valid ${kind}`, params: { problem } }]
    : [];
  return !problem;
};

export const displayTextKeyword: FuncKeywordDefinition = {
  keyword: DISPLAY_TEXT_KEYWORD,
  type: 'string',
  schemaType: 'string',
  metaSchema: { enum: ['name', 'text'] },
  modifying: true,
  // Lengths are counted on the composed form that is stored: 'Nguyễn' is 6 characters, not 8.
  before: 'maxLength',
  errors: true,
  validate: validateDisplayText,
};
