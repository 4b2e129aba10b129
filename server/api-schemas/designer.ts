// The procedure designer's operations: versions with their authors, designed form versions, publishing.
import type { FromSchema } from 'json-schema-to-ts';
import { arrayOf, plainString, stringList } from './answer-pieces';
import { dateTime, procedureCode } from './responses/building-blocks';
import { displayName, fileResponse, okResponse, strictObject, type RouteSpec } from './common';
import { procedureVersionAnswerProperties, procedureVersionAnswerRequired } from './procedures';

const designers = ['designer', 'admin'] as const;
const codeParam = strictObject({ code: { type: 'string', format: 'procedure-code' } }, ['code']);
const formIdParam = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,99}$' } as const;
const formVersionParam = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9.+-]{0,39}$' } as const;

// The designer's answers never carry a diagram or its decisions: they are read from the procedure, and a version
// list stays small.
const {
  bpmnXml: _diagram,
  decisions: _decisions,
  ...versionWithoutDiagram
} = procedureVersionAnswerProperties;
const publishedVersionAnswer = strictObject(versionWithoutDiagram, procedureVersionAnswerRequired);

const authoredVersionAnswer = strictObject(
  {
    ...versionWithoutDiagram,
    author: { type: ['string', 'null'], description: "The creator's name; null when the account is gone" },
    publisher: { type: ['string', 'null'], description: "The publisher's name; null for drafts" },
  },
  [...procedureVersionAnswerRequired, 'author', 'publisher'],
);

const versionListAnswer = strictObject(
  {
    code: procedureCode,
    publishedVersion: { type: ['integer', 'null'], minimum: 1 },
    versions: arrayOf(authoredVersionAnswer),
  },
  ['code', 'publishedVersion', 'versions'],
);

const formVersionsAnswer = strictObject(
  {
    formId: plainString,
    versions: arrayOf({
      anyOf: [
        strictObject(
          { version: plainString, baseVersion: plainString, createdAt: dateTime, designed: { const: true } },
          ['version', 'baseVersion', 'createdAt', 'designed'],
        ),
        strictObject(
          {
            version: plainString,
            effectiveFrom: { type: 'string', format: 'date' },
            designed: { const: false },
          },
          ['version', 'effectiveFrom', 'designed'],
        ),
      ],
    }),
  },
  ['formId', 'versions'],
);

/** A form definition (forms/types.ts FormDefinition); its schema and UI schema are the form's own. */
const formDefinitionAnswer = strictObject(
  {
    meta: strictObject(
      {
        id: plainString,
        version: plainString,
        title: strictObject({ vi: plainString, en: plainString }, ['vi', 'en']),
        procedureCodes: stringList,
        effectiveFrom: { type: 'string', format: 'date' },
        legalBasis: stringList,
        status: plainString,
      },
      ['id', 'version', 'title', 'procedureCodes', 'effectiveFrom', 'legalBasis'],
    ),
    schema: { type: 'object' },
    uischema: { type: 'object' },
    labelsEn: { type: 'object', additionalProperties: plainString },
  },
  ['meta', 'schema', 'uischema', 'labelsEn'],
);

const savedFormAnswer = strictObject({ formId: plainString, version: plainString }, ['formId', 'version']);
const validatorModuleAnswer = strictObject(
  { url: { type: 'string', pattern: '^/api/designer/form-validators/[a-f0-9]{64}\\.js$' } },
  ['url'],
);

export const designerRoutes = {
  listVersions: {
    operationId: 'listProcedureVersions',
    method: 'get',
    path: '/api/designer/procedures/:code/versions',
    summary: 'Every version of a procedure with author, time, changelog, status and deployment, newest first',
    tag: 'designer',
    access: designers,
    params: codeParam,
    responses: { 200: okResponse('The versions', versionListAnswer), 404: okResponse('No such procedure') },
  },
  publish: {
    operationId: 'publishProcedureVersion',
    method: 'post',
    path: '/api/designer/procedures/:code/versions/:version/publish',
    summary:
      'Check a draft version (BPMN and forms), deploy it to the engine and make it the version in force',
    tag: 'designer',
    access: designers,
    params: strictObject(
      {
        code: { type: 'string', format: 'procedure-code' },
        version: { type: 'integer', minimum: 1, maximum: 100000 },
      },
      ['code', 'version'],
    ),
    responses: {
      200: okResponse('The published version', publishedVersionAnswer),
      404: okResponse('No such procedure or version'),
      409: okResponse('The version is not a draft'),
      422: okResponse('The BPMN or a form is not valid'),
      503: okResponse('The engine cannot be reached'),
    },
  },
  getForm: {
    operationId: 'getDesignedForm',
    method: 'get',
    path: '/api/designer/forms/:formId/:version',
    summary: 'One form version, shipped or designed',
    tag: 'designer',
    access: 'signed-in',
    params: strictObject({ formId: formIdParam, version: formVersionParam }, ['formId', 'version']),
    responses: {
      200: okResponse('The form definition', formDefinitionAnswer),
      404: okResponse('No such form version'),
    },
  },
  getFormVersionValidators: {
    operationId: 'getFormVersionValidators',
    method: 'get',
    path: '/api/designer/forms/:formId/:version/validators.js',
    summary:
      "A stored form version's validators (schema and rule conditions) as an ES module, for the screens that render it",
    tag: 'designer',
    access: 'signed-in',
    params: strictObject({ formId: formIdParam, version: formVersionParam }, ['formId', 'version']),
    responses: {
      200: fileResponse('The module', 'text/javascript'),
      404: okResponse('No such form version'),
    },
  },
  listForms: {
    operationId: 'listFormVersions',
    method: 'get',
    path: '/api/designer/forms/:formId',
    summary: 'Versions of a form, shipped and designed, newest first',
    tag: 'designer',
    access: designers,
    params: strictObject({ formId: formIdParam }, ['formId']),
    responses: { 200: okResponse('The versions', formVersionsAnswer) },
  },
  saveForm: {
    operationId: 'saveFormVersion',
    method: 'post',
    path: '/api/designer/forms/:formId',
    summary: 'Save an edited form as a new version (its schema must compile)',
    tag: 'designer',
    access: designers,
    params: strictObject({ formId: formIdParam }, ['formId']),
    body: strictObject(
      {
        baseVersion: formVersionParam,
        title: strictObject({ vi: displayName(300), en: displayName(300, 0) }, ['vi']),
        schema: { type: 'object' },
        uischema: { type: 'object' },
        labelsEn: { type: 'object', additionalProperties: { type: 'string', maxLength: 500 } },
      },
      ['baseVersion', 'title', 'schema', 'uischema'],
    ),
    responses: {
      201: okResponse('The saved version', savedFormAnswer),
      422: okResponse('The schema does not compile'),
    },
  },
  compileFormValidators: {
    operationId: 'compileFormValidators',
    method: 'post',
    path: '/api/designer/form-validators',
    summary:
      "Generate a form's validators (schema and rule conditions) as an ES module; answers the module's URL",
    tag: 'designer',
    access: designers,
    body: strictObject({ schema: { type: 'object' }, uischema: { type: 'object' } }, ['schema', 'uischema']),
    responses: {
      201: okResponse('The module URL', validatorModuleAnswer),
      422: okResponse('The schema does not compile'),
    },
  },
  getFormValidators: {
    operationId: 'getFormValidators',
    method: 'get',
    path: '/api/designer/form-validators/:file',
    summary: 'A generated validator module (text/javascript), by the hash of its code',
    tag: 'designer',
    access: designers,
    params: strictObject({ file: { type: 'string', pattern: '^[a-f0-9]{64}\\.js$' } }, ['file']),
    responses: {
      200: fileResponse('The module', 'text/javascript'),
      404: okResponse('Not generated, or no longer kept'),
    },
  },
} satisfies Record<string, RouteSpec>;

export type SaveFormBody = FromSchema<typeof designerRoutes.saveForm.body>;
export type CompileFormValidatorsBody = FromSchema<typeof designerRoutes.compileFormValidators.body>;
export type PublishParams = FromSchema<typeof designerRoutes.publish.params>;
export type PublishedVersionAnswer = FromSchema<typeof publishedVersionAnswer>;
export type AuthoredVersionAnswer = FromSchema<typeof authoredVersionAnswer>;
export type VersionListAnswer = FromSchema<typeof versionListAnswer>;
export type FormVersionsAnswer = FromSchema<typeof formVersionsAnswer>;
/** The screens use forms/types.ts FormDefinition, whose schema and UI schema are typed further than `object`. */
export type FormDefinitionAnswer = FromSchema<typeof formDefinitionAnswer>;
export type SavedFormAnswer = FromSchema<typeof savedFormAnswer>;
export type ValidatorModuleAnswer = FromSchema<typeof validatorModuleAnswer>;
