// A deployment the engine refuses as invalid (INVALID_ARGUMENT: a FEEL syntax error, an expression over the
// engine's time budget, a Zeebe rule) is the designer's diagram at fault, not the engine: 422 with one field
// per element, named by its name and id, read from Zeebe's rejection layout
// "'p.bpmn': - Element: task\n    - ERROR: failed to parse expression ...".
import { EngineError } from '../engine/engine-errors';
import type { FieldError } from '../errors/api-error';
import { elementLabel, elementNames } from './diagram-element-names';

const ELEMENT_BLOCK = /- Element: (\S+)\n((?: {4}- ERROR: .*(?:\n|$))+)/g;

export function isInvalidDeployment(error: unknown): error is EngineError {
  return error instanceof EngineError && error.kind === 'invalid';
}

export async function deployRejectionProblems(error: EngineError, xml: string): Promise<FieldError[]> {
  const names = await elementNames(xml);
  const problems: FieldError[] = [];
  for (const [, id = '', block = ''] of error.message.matchAll(ELEMENT_BLOCK)) {
    const named = elementLabel(id, names.get(id));
    for (const line of block.split('\n')) {
      const detail = line
        .replace(/^ {4}- ERROR: /, '')
        .trim()
        .slice(0, 300);
      if (!detail) continue;
      problems.push({
        path: `bpmnXml#${id}`,
        text: {
          vi: `Phần tử ${named} bị bộ máy quy trình từ chối: ${detail}`,
          en: `Element ${named} is refused by the workflow engine: ${detail}`,
        },
      });
    }
  }
  if (problems.length === 0) {
    const detail = error.message.slice(0, 300);
    problems.push({
      path: 'bpmnXml',
      text: {
        vi: `Bộ máy quy trình từ chối sơ đồ: ${detail}`,
        en: `The workflow engine refuses the diagram: ${detail}`,
      },
    });
  }
  return problems;
}
