// The BPMN modeler of the designer: Camunda's Zeebe distribution (properties panel with zeebe extensions,
// element templates, Zeebe behaviours), our templates and Vietnamese strings, Zeebe 8.3 linting shown on the
// canvas while the designer works, token simulation, and guarded .bpmn import.
import { Linter, type LintReport } from '@camunda/linting';
import lintingModule from '@camunda/linting/modeler';
import tokenSimulationModule from 'bpmn-js-token-simulation';
import Modeler from 'camunda-bpmn-js/lib/camunda-cloud/Modeler';
import { checkBpmnUpload, unknownContent, type UploadProblem } from './bpmn-upload-check';
import {
  engineExecutionPlatform,
  engineExecutionPlatformVersion,
} from '../../../processes/linting/engine-platform';
import { translateModule } from './custom-translate';
import type { LintRequest, LintResponse } from './lint-worker';
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
  /** Lints off the main thread; a diagram imports (main thread) while the worker lints it (bench:web). */
  private readonly worker =
    typeof Worker === 'undefined'
      ? undefined
      : new Worker(new URL('./lint-worker.ts', import.meta.url), { type: 'module' });
  private readonly pending = new Map<number, (response: LintResponse) => void>();
  private lintTimer: ReturnType<typeof setTimeout> | undefined;
  private lintRun = 0;
  private lintRequest = 0;
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
    this.worker?.addEventListener('message', (event: MessageEvent<LintResponse>) => {
      this.pending.get(event.data.id)?.(event.data);
      this.pending.delete(event.data.id);
    });
    this.modeler.on('commandStack.changed', (event: { trigger?: string | null }) => {
      options.onChange?.();
      // An import clears the command stack; importXml lints the new diagram itself.
      if (event.trigger !== 'clear') this.scheduleLint();
    });
  }

  /** Imports a diagram after the upload checks; a refused file leaves the current diagram as it was. */
  async importXml(xml: string): Promise<ImportOutcome> {
    const problem = checkBpmnUpload(xml);
    if (problem) return { ok: false, problem };
    // The previous definitions object, re-imported on refusal: serialising a large diagram to XML before every
    // import cost more than the import itself (bench:web).
    const previous = this.hasDiagram() ? this.modeler.getDefinitions() : null;
    // The file as uploaded, linted in the worker while bpmn-js imports it here: the worker lints against the
    // engine's version, as targetEngineVersion sets it on the imported definitions.
    const run = ++this.lintRun;
    const linted = this.lintXml(xml).catch(() => null);
    try {
      const { warnings } = await this.modeler.importXML(xml);
      const unknown = unknownContent(warnings as unknown as { message: string }[]);
      if (unknown.length) {
        await this.restore(previous);
        return { ok: false, problem: { kind: 'unknown-content', details: unknown.slice(0, 5) } };
      }
      this.targetEngineVersion();
      const reports = await linted;
      if (reports) this.showReports(run, reports);
      else await this.lintNow();
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

  /** Lints the diagram as it is now: exported to the worker, or here where there are no workers. */
  async lintNow(): Promise<LintReport[]> {
    const run = ++this.lintRun;
    const reports = this.worker
      ? await this.lintXml(await this.serialize())
      : await this.linter.lint(this.modeler.getDefinitions() as object);
    this.showReports(run, reports);
    return reports;
  }

  /**
   * The diagram as XML for the worker, straight from moddle: saveXML would first run the export hooks, and
   * align-to-origin's moves the whole diagram (a command, so another lint and an undo step for the designer).
   */
  private async serialize(): Promise<string> {
    const moddle = this.modeler.get<{ toXML(element: unknown): Promise<{ xml: string }> }>('moddle');
    return (await moddle.toXML(this.modeler.getDefinitions())).xml;
  }

  private lintXml(xml: string): Promise<LintReport[]> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error('no lint worker'));
    const id = ++this.lintRequest;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (response) =>
        'error' in response ? reject(new Error(response.error)) : resolve(response.reports as LintReport[]),
      );
      worker.postMessage({ id, xml } satisfies LintRequest);
    });
  }

  /** Shows the reports of lint run `run` unless a later run started since. */
  private showReports(run: number, reports: LintReport[]): void {
    if (run !== this.lintRun) return;
    this.reports = reports;
    const linting = this.modeler.get<{ setErrors(r: LintReport[]): void; activate(): void }>('linting');
    linting.setErrors(reports);
    linting.activate();
    this.options.onLint?.(reports);
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
    this.worker?.terminate();
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
