// The BPMN modeler of the designer: Camunda's Zeebe distribution (properties panel with zeebe extensions,
// element templates, Zeebe behaviours), our templates and Vietnamese strings, Zeebe 8.3 linting shown on the
// canvas while the designer works, token simulation, and guarded .bpmn import.
import { Linter, type LintReport } from '@camunda/linting';
import lintingModule from '@camunda/linting/modeler';
import tokenSimulationModule from 'bpmn-js-token-simulation';
import Modeler from 'camunda-bpmn-js/lib/camunda-cloud/Modeler';
import { checkBpmnUpload, unknownContent, type UploadProblem } from './bpmn-upload-check';
import { engineExecutionPlatform, engineExecutionPlatformVersion } from './blank-diagram';
import { translateModule } from './custom-translate';
import { elementTemplates } from './element-templates';
import { userTaskTemplatesModule } from './user-task-templates';

export type ImportOutcome =
  { ok: true; warnings: number } | { ok: false; problem: UploadProblem | UnknownContent };
export interface UnknownContent {
  kind: 'unknown-content';
  details: string[];
}

interface ModdleElement {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
}

export interface DesignerModelerOptions {
  container: HTMLElement;
  propertiesPanel?: HTMLElement;
  language: string;
  onLint?: (reports: LintReport[]) => void;
  onChange?: () => void;
  lintDelayMs?: number;
}

export class DesignerModeler {
  readonly modeler: Modeler;
  private readonly linter = new Linter({ modeler: 'web', type: 'cloud' });
  private lintTimer: ReturnType<typeof setTimeout> | undefined;
  private lintRun = 0;
  reports: LintReport[] = [];

  constructor(private readonly options: DesignerModelerOptions) {
    this.modeler = new Modeler({
      container: options.container,
      keyboard: { bind: true },
      ...(options.propertiesPanel ? { propertiesPanel: { parent: options.propertiesPanel } } : {}),
      elementTemplates,
      additionalModules: [
        lintingModule,
        tokenSimulationModule,
        userTaskTemplatesModule,
        translateModule(options.language),
      ],
    } as ConstructorParameters<typeof Modeler>[0]);
    this.modeler.on('commandStack.changed', () => {
      options.onChange?.();
      this.scheduleLint();
    });
  }

  /** Imports a diagram after the upload checks; a refused file leaves the current diagram as it was. */
  async importXml(xml: string): Promise<ImportOutcome> {
    const problem = checkBpmnUpload(xml);
    if (problem) return { ok: false, problem };
    // The previous definitions object, re-imported on refusal: serialising a large diagram to XML before every
    // import cost more than the import itself (bench:web).
    const previous = this.hasDiagram() ? this.modeler.getDefinitions() : null;
    try {
      const { warnings } = await this.modeler.importXML(xml);
      const unknown = unknownContent(warnings as unknown as { message: string }[]);
      if (unknown.length) {
        await this.restore(previous);
        return { ok: false, problem: { kind: 'unknown-content', details: unknown.slice(0, 5) } };
      }
      this.targetEngineVersion();
      await this.lintNow();
      return { ok: true, warnings: warnings.length };
    } catch (error) {
      await this.restore(previous);
      return { ok: false, problem: { kind: 'malformed', detail: (error as Error).message.slice(0, 200) } };
    }
  }

  async exportXml(): Promise<string> {
    const { xml } = await this.modeler.saveXML({ format: true });
    return xml ?? '';
  }

  async lintNow(): Promise<LintReport[]> {
    const run = ++this.lintRun;
    const reports = await this.linter.lint(this.modeler.getDefinitions() as object);
    if (run !== this.lintRun) return reports;
    this.reports = reports;
    const linting = this.modeler.get<{ setErrors(r: LintReport[]): void; activate(): void }>('linting');
    linting.setErrors(reports);
    linting.activate();
    this.options.onLint?.(reports);
    return reports;
  }

  undo(): void {
    this.modeler.get<{ undo(): void }>('commandStack').undo();
  }

  redo(): void {
    this.modeler.get<{ redo(): void }>('commandStack').redo();
  }

  toggleSimulation(): void {
    this.modeler.get<{ trigger(action: string): void }>('editorActions').trigger('toggleTokenSimulation');
  }

  destroy(): void {
    clearTimeout(this.lintTimer);
    this.modeler.destroy();
  }

  private hasDiagram(): boolean {
    try {
      return !!this.modeler.getDefinitions();
    } catch {
      return false;
    }
  }

  private async restore(previous: ReturnType<Modeler['getDefinitions']> | null): Promise<void> {
    if (previous) await this.modeler.importDefinitions(previous);
    else this.modeler.clear();
  }

  /** Lint rules follow the definitions' platform version: always the version the embedded engine implements. */
  private targetEngineVersion(): void {
    const definitions = this.modeler.getDefinitions() as unknown as ModdleElement;
    definitions.set('modeler:executionPlatform', engineExecutionPlatform);
    definitions.set('modeler:executionPlatformVersion', engineExecutionPlatformVersion);
  }

  private scheduleLint(): void {
    clearTimeout(this.lintTimer);
    this.lintTimer = setTimeout(() => void this.lintNow(), this.options.lintDelayMs ?? 300);
  }
}
