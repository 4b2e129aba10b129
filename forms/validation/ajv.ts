// The one ajv set-up shared by validateDeclaration, the server and JSON Forms: ajv-formats plus the Một cửa
// vocabulary (refData, adminUnit, notFuture, minAge, maxAge, cccd, money). The keywords generate code that
// calls keyword-runtime by name, so the same validators can be emitted as standalone modules (precompile.ts).
import Ajv, {
  _,
  Name,
  type CodeKeywordDefinition,
  type KeywordCxt,
  type KeywordErrorDefinition,
  type Options,
} from 'ajv';

type KeywordErrorCxt = Parameters<
  Extract<KeywordErrorDefinition['params'], (...args: never[]) => unknown>
>[0];
import addFormats from 'ajv-formats';
import * as runtime from './keyword-runtime';

/** Module specifier of keyword-runtime as seen from the generated validators (forms/validation/compiled/). */
export const RUNTIME_MODULE = '../keyword-runtime';

type RuntimeName = 'refData' | 'adminUnit' | 'notFuture' | 'minAge' | 'maxAge' | 'cccd';

function runtimeKeyword(
  keyword: RuntimeName,
  type: 'string' | 'object',
  schemaType: string | string[],
  metaSchema?: object,
): CodeKeywordDefinition {
  return {
    keyword,
    type,
    schemaType: schemaType as CodeKeywordDefinition['schemaType'],
    ...(metaSchema ? { metaSchema } : {}),
    code(cxt: KeywordCxt) {
      const { gen, data, it } = cxt;
      const fn = gen.scopeValue('func', {
        ref: runtime[keyword],
        code: _`require(${RUNTIME_MODULE}).${new Name(keyword)}`,
      });
      const result = gen.const('result', _`${fn}(${cxt.schemaValue}, ${data}, ${it.parentData})`);
      cxt.setParams({ problem: result });
      cxt.fail(_`${result} !== true`);
    },
    error: {
      message: `must satisfy ${keyword}`,
      params: (cxt: KeywordErrorCxt) => _`{problem: ${cxt.params.problem}, schema: ${cxt.schemaValue}}`,
    },
  };
}

function addVocabulary(ajv: Ajv, withMetaSchemas: boolean): void {
  const meta = (schema: object) => (withMetaSchemas ? schema : undefined);
  ajv.addKeyword(
    runtimeKeyword(
      'refData',
      'string',
      'string',
      meta({ enum: ['provinces', 'ethnicGroups', 'nationalities'] }),
    ),
  );
  ajv.addKeyword(runtimeKeyword('adminUnit', 'object', 'boolean'));
  ajv.addKeyword(runtimeKeyword('notFuture', 'string', 'boolean'));
  ajv.addKeyword(runtimeKeyword('minAge', 'string', 'number'));
  ajv.addKeyword(runtimeKeyword('maxAge', 'string', 'number'));
  ajv.addKeyword(runtimeKeyword('cccd', 'string', ['boolean', 'object']));
  // Annotation only: tells the money renderer the unit.
  ajv.addKeyword({
    keyword: 'money',
    schemaType: 'string',
    ...(withMetaSchemas ? { metaSchema: { enum: ['VND'] } } : {}),
  });
}

export const MOTCUA_AJV_OPTIONS: Options = {
  allErrors: true,
  verbose: true,
  strictSchema: true,
  strictTypes: false,
  strictRequired: false,
  strictTuples: false,
  addUsedSchema: false,
};

export function createMotcuaAjv(extra: Options = {}): Ajv {
  // Generated validators take every format from keyword-runtime's `formats` (ajv-formats leaves a set one alone).
  const code = { ...extra.code, formats: _`require(${RUNTIME_MODULE}).formats` };
  const ajv = new Ajv({ ...MOTCUA_AJV_OPTIONS, ...extra, code });
  addFormats(ajv);
  ajv.addFormat('date', runtime.formats.date);
  addVocabulary(ajv, extra.validateSchema !== false);
  return ajv;
}
