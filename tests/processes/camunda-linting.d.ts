// Types for the parts of @camunda/linting (untyped ESM) that the tests use.
declare module '@camunda/linting' {
  export interface LintReport {
    id: string;
    message: string;
    category: 'error' | 'warn' | 'info' | 'rule-error';
    rule: string;
  }
  export class Linter {
    constructor(options?: { modeler?: 'desktop' | 'web'; type?: 'cloud' | 'platform' });
    lint(contents: string | object): Promise<LintReport[]>;
  }
}
