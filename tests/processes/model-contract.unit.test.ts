// Every model keeps to the process contract: job types, headers, variables, messages, groups, and the paths
// every procedure needs (supplement, refusal, near-due and overdue timers).
import { readContract } from './contract';
import { inspectModel, type ModelFacts } from './model-inspection';
import { elementTemplateFiles, modelFiles, procedureFolders } from './model-files';

const contract = readContract();
const models = modelFiles().map((m) => ({ ...m, facts: inspectModel(m.xml) }));
const CANDIDATE_GROUPS = ['mot-cua', 'chuyen-vien', 'lanh-dao'];
const FEEL_KEYWORDS = new Set(['true', 'false', 'null', 'and', 'or', 'not']);

interface TemplateFile {
  id: string;
  properties: {
    type: string;
    value?: string;
    binding: { type: string; key?: string; property?: string };
    choices?: { value: string }[];
  }[];
}
const templates = elementTemplateFiles<TemplateFile>().map((t) => t.json);

test('the contract is readable: job types, variables, messages', () => {
  expect(contract.jobTypes.size).toBeGreaterThanOrEqual(9);
  expect(contract.variables).toContain('dueAt');
  expect(contract.messages.exact).toContain('dossier.supplemented');
});

describe.each(models.map((m) => [`${m.folder}/${m.file}`, m.facts] as const))(
  '%s',
  (_name, facts: ModelFacts) => {
    test('uses only contract job types and their headers', () => {
      expect(facts.serviceTasks.length).toBeGreaterThan(0);
      for (const task of facts.serviceTasks) {
        const spec = contract.jobTypes.get(task.jobType ?? '');
        expect({ task: task.id, jobType: task.jobType, known: spec !== undefined }).toEqual({
          task: task.id,
          jobType: task.jobType,
          known: true,
        });
        for (const key of Object.keys(task.headers)) expect(spec?.headers).toContain(key);
      }
    });

    test('a templated task matches its element template (type and header choices)', () => {
      for (const task of facts.serviceTasks.filter((t) => t.template !== undefined)) {
        const template = templates.find((t) => t.id === task.template);
        expect(template).toBeDefined();
        const typeBinding = template?.properties.find(
          (p) => p.binding.type === 'zeebe:taskDefinition' && p.binding.property === 'type',
        );
        expect(typeBinding?.value).toBe(task.jobType);
        for (const [key, value] of Object.entries(task.headers)) {
          const property = template?.properties.find(
            (p) => p.binding.type === 'zeebe:taskHeader' && p.binding.key === key,
          );
          expect(property).toBeDefined();
          if (property?.choices) expect(property.choices.map((c) => c.value)).toContain(value);
        }
      }
    });

    test('reads only contract variables in its expressions', () => {
      for (const expression of facts.expressions) {
        const names = expression
          .slice(1)
          .replace(/"[^"]*"/g, '')
          .match(/[A-Za-z_][A-Za-z0-9_]*/g);
        for (const name of names ?? []) {
          if (!FEEL_KEYWORDS.has(name))
            expect({ expression, name, known: contract.variables.has(name) }).toEqual({
              expression,
              name,
              known: true,
            });
        }
      }
    });

    test('user tasks have candidate groups of the contract and a task form', () => {
      expect(facts.userTasks.length).toBeGreaterThan(0);
      for (const task of facts.userTasks) {
        expect(task.candidateGroups.length).toBeGreaterThan(0);
        for (const group of task.candidateGroups) expect(CANDIDATE_GROUPS).toContain(group);
        expect(task.formKey).toBeTruthy();
      }
    });

    test('messages are contract messages, correlated on the dossier code', () => {
      for (const message of facts.messages) {
        const known =
          contract.messages.exact.has(message.name) ||
          contract.messages.prefixes.some((p) => message.name.startsWith(p));
        expect({ message: message.name, known }).toEqual({ message: message.name, known: true });
      }
      for (const c of facts.caught.filter((x) => !x.startsProcess)) {
        expect(facts.messages.find((m) => m.name === c.message)?.correlationKey).toBe('=dossierCode');
      }
    });

    test('has a supplement path, a refusal path and handles withdrawal', () => {
      const jobTypes = facts.serviceTasks.map((t) => t.jobType);
      expect(jobTypes).toContain('dossier.supplement');
      expect(facts.caught.map((c) => c.message)).toContain('dossier.supplemented');
      expect(facts.caught.map((c) => c.message)).toContain('dossier.withdrawn');
      const refusal = facts.serviceTasks.some(
        (t) =>
          (t.jobType === 'dossier.refuse' && t.headers.kind === 'refuse') ||
          (t.jobType === 'dossier.notify' && /tu-choi/.test(t.headers.template ?? '')),
      );
      expect(refusal).toBe(true);
    });

    test('fires the near-due warning and the overdue handling from warnAt and dueAt without interrupting', () => {
      const byDate = (date: string) => facts.boundaryTimers.find((t) => t.timeDate === date);
      for (const date of ['=warnAt', '=dueAt']) {
        expect(byDate(date)).toMatchObject({ interrupting: false });
      }
      const compute = facts.serviceTasks.find(
        (t) => t.jobType === 'dossier.deadline' && t.headers.action === 'compute',
      );
      expect(compute).toBeDefined();
      for (const action of ['warn', 'overdue', 'resume']) {
        expect(
          facts.serviceTasks.some((t) => t.jobType === 'dossier.deadline' && t.headers.action === action),
        ).toBe(true);
      }
    });
  },
);

describe.each(procedureFolders().map((f) => [f] as const))('package %s', (folder) => {
  const inFolder = models.filter((m) => m.folder === folder).map((m) => m.facts);
  const thrown = inFolder.flatMap((f) =>
    f.serviceTasks.filter((t) => t.jobType === 'dossier.transfer').map((t) => t.headers.messageName ?? ''),
  );
  const caught = inFolder
    .flatMap((f) => f.caught.map((c) => c.message))
    .filter((m) => m.startsWith('lienthong.'));

  test('every inter-agency message thrown is caught in the package, and the reverse', () => {
    expect([...new Set(thrown)].sort()).toEqual([...new Set(caught)].sort());
  });

  test('each receiving agency is its own process started by a forward message', () => {
    const forwards = inFolder.flatMap((f) =>
      f.serviceTasks.filter((t) => t.jobType === 'dossier.transfer' && t.headers.direction === 'forward'),
    );
    const starts = inFolder.flatMap((f) => f.caught.filter((c) => c.startsProcess).map((c) => c.message));
    for (const t of forwards) expect(starts).toContain(t.headers.messageName);
    expect(inFolder.length).toBe(1 + forwards.length);
  });
});
