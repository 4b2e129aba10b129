// Minimal types for the untyped modeler add-ons the designer uses.
declare module '@camunda/linting' {
  export interface LintReport {
    id: string;
    message: string;
    category: 'error' | 'warn' | 'info' | 'rule-error';
    rule: string;
    executionPlatformVersion?: string;
  }
  export class Linter {
    constructor(options?: { modeler?: 'desktop' | 'web'; type?: 'cloud' | 'platform' });
    lint(contents: string | object): Promise<LintReport[]>;
  }
}

declare module '@camunda/linting/modeler' {
  const lintingModule: object;
  export default lintingModule;
}

declare module 'bpmn-js-token-simulation' {
  const tokenSimulationModule: object;
  export default tokenSimulationModule;
}
