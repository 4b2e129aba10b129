// Our user-task templates (processes/element-templates-user-tasks), offered in the replace menu of a task beside
// the Camunda element templates. They make a Zeebe 8.3 job-based user task: candidate groups
// (zeebe:assignmentDefinition), the inbox form (zeebe:formDefinition) and the due date (zeebe:taskSchedule).
// Camunda element templates may bind those three only together with zeebe:userTask, which makes a Camunda user
// task (8.5+) the engine does not run, so these templates are applied here, as one undoable command.
import { is } from 'bpmn-js/lib/util/ModelUtil';

export interface UserTaskTemplate {
  id: string;
  name: string;
  description: string;
  version: number;
  keywords?: string[];
  candidateGroups: string;
  formKey: string;
  dueDate?: string;
}

const files = import.meta.glob<{ default: UserTaskTemplate }>(
  '../../../processes/element-templates-user-tasks/*.json',
  { eager: true },
);

export const userTaskTemplates: UserTaskTemplate[] = Object.entries(files)
  .filter(([file]) => !file.endsWith('/schema.json'))
  .map(([, module]) => module.default);

export const applyUserTaskTemplateCommand = 'motcua.applyUserTaskTemplate';

interface Shape {
  businessObject: ModdleElement;
}
interface ModdleElement {
  $type: string;
  $parent?: unknown;
  get(name: string): unknown;
}
interface BpmnFactory {
  create(type: string, attrs?: Record<string, unknown>): ModdleElement;
}
interface Context {
  element: Shape;
  template: UserTaskTemplate;
  replaced?: Shape;
}

/** Replace with a user task, then set name and extension elements: nested commands, undone as one. */
class ApplyUserTaskTemplateHandler {
  static $inject = ['bpmnReplace', 'modeling', 'bpmnFactory'];

  constructor(
    private readonly bpmnReplace: { replaceElement(element: Shape, target: { type: string }): Shape },
    private readonly modeling: { updateProperties(element: Shape, properties: object): void },
    private readonly bpmnFactory: BpmnFactory,
  ) {}

  preExecute(context: Context): void {
    const { element, template } = context;
    const replaced = is(element, 'bpmn:UserTask')
      ? element
      : this.bpmnReplace.replaceElement(element, { type: 'bpmn:UserTask' });
    const business = replaced.businessObject;
    // Input/output mappings stay; what the template sets is replaced; a job type cannot stay on a user task.
    const kept = (
      ((business.get('extensionElements') as ModdleElement | undefined)?.get('values') as ModdleElement[]) ??
      []
    ).filter((value) => value.$type === 'zeebe:IoMapping');
    const values = [
      ...kept,
      this.bpmnFactory.create('zeebe:FormDefinition', { formKey: template.formKey }),
      this.bpmnFactory.create('zeebe:AssignmentDefinition', { candidateGroups: template.candidateGroups }),
      ...(template.dueDate
        ? [this.bpmnFactory.create('zeebe:TaskSchedule', { dueDate: template.dueDate })]
        : []),
    ];
    const extensionElements = this.bpmnFactory.create('bpmn:ExtensionElements', { values });
    for (const value of values) value.$parent = extensionElements;
    this.modeling.updateProperties(replaced, {
      extensionElements,
      ...(business.get('name') ? {} : { name: template.name }),
    });
    context.replaced = replaced;
  }

  execute(): unknown[] {
    return [];
  }

  revert(): unknown[] {
    return [];
  }
}

class UserTaskTemplatesMenu {
  static $inject = ['popupMenu', 'commandStack', 'rules', 'translate'];

  constructor(
    popupMenu: { registerProvider(id: string, provider: object): void },
    private readonly commandStack: {
      registerHandler(command: string, handler: unknown): void;
      execute(command: string, context: object): void;
    },
    private readonly rules: { allowed(action: string, context: object): unknown },
    private readonly translate: (text: string) => string,
  ) {
    commandStack.registerHandler(applyUserTaskTemplateCommand, ApplyUserTaskTemplateHandler);
    popupMenu.registerProvider('bpmn-replace', this);
  }

  getPopupMenuEntries(element: Shape | Shape[]): Record<string, object> {
    if (Array.isArray(element) || !is(element, 'bpmn:Task')) return {};
    if (!this.rules.allowed('shape.replace', { element })) return {};
    const group = { id: 'mot-cua-user-tasks', name: this.translate('User task templates (Một cửa)') };
    return Object.fromEntries(
      userTaskTemplates.map((template) => [
        `replace.motcua-user-task-${template.id}`,
        {
          label: template.name,
          description: template.description,
          className: 'bpmn-icon-user-task',
          group,
          search: [template.candidateGroups, ...(template.keywords ?? [])].join(' '),
          action: () => this.commandStack.execute(applyUserTaskTemplateCommand, { element, template }),
        },
      ]),
    );
  }
}

export const userTaskTemplatesModule = {
  __init__: ['motcuaUserTaskTemplates'],
  motcuaUserTaskTemplates: ['type', UserTaskTemplatesMenu],
};
