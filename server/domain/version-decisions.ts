// A procedure version's decision tables at publishing: each DMN resource is safe to parse and the diagram's
// business rule tasks call decisions the version holds; the engine's refusal of a table becomes a field error
// naming the decision (its name and id) in Vietnamese, read from the rejection's "'<resource>.dmn': …" lines.
import type { EngineError } from '../engine/engine-errors';
import type { FieldError } from '../errors/api-error';
import type { DecisionResource, ProcedureVersion } from '../models/Procedure';

const DECISION_TAG = /<(?:[\w-]+:)?decision\b([^>]*)>/g;
const CALLED_DECISION = /<zeebe:calledDecision\b[^>]*\bdecisionId="([^"]*)"/g;

function attribute(attributes: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1];
}

function unescapeXml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The decisions of a DMN resource, id → name (the id when it has none). */
export function decisionsOf(dmnXml: string): Map<string, string> {
  const decisions = new Map<string, string>();
  for (const [, attributes = ''] of dmnXml.matchAll(DECISION_TAG)) {
    const id = attribute(attributes, 'id');
    if (id) decisions.set(id, unescapeXml(attribute(attributes, 'name') ?? id));
  }
  return decisions;
}

const label = (id: string, name: string | undefined) =>
  name && name !== id ? `"${name}" (${id})` : `"${id}"`;

export function decisionProblems(version: ProcedureVersion): FieldError[] {
  const problems: FieldError[] = [];
  const held = new Set<string>();
  for (const [index, resource] of (version.decisions ?? []).entries()) {
    const path = `decisions[${index}]`;
    if (/<!DOCTYPE|<!ENTITY/i.test(resource.dmnXml)) {
      problems.push({
        path,
        text: {
          vi: `Bảng quyết định ${resource.name} chứa khai báo DOCTYPE/ENTITY`,
          en: `Decision table ${resource.name} declares a DOCTYPE/ENTITY`,
        },
      });
      continue;
    }
    const decisions = decisionsOf(resource.dmnXml);
    if (decisions.size === 0)
      problems.push({
        path,
        text: {
          vi: `Tệp ${resource.name} không có bảng quyết định nào`,
          en: `${resource.name} holds no decision`,
        },
      });
    for (const id of decisions.keys()) held.add(id);
  }
  for (const [, id = ''] of (version.bpmnXml ?? '').matchAll(CALLED_DECISION)) {
    // A decision id given as a FEEL expression is only known when the task runs.
    if (held.has(id) || id.startsWith('=')) continue;
    problems.push({
      path: 'decisions',
      text: {
        vi: `Sơ đồ gọi bảng quyết định "${id}" nhưng phiên bản không có bảng này`,
        en: `The diagram calls decision "${id}", which the version does not hold`,
      },
    });
    held.add(id);
  }
  return problems;
}

/** The engine's refusal lines about one resource: what follows "'<name>': " up to the next resource's line. */
function linesAbout(message: string, name: string): string[] {
  const lines = message.split('\n');
  const found: string[] = [];
  let inside = false;
  for (const line of lines) {
    const start = /^'([^']+)': ?(.*)$/.exec(line);
    if (start) {
      inside = start[1] === name;
      if (inside && start[2]) found.push(start[2]);
    } else if (inside && line.trim()) found.push(line.trim());
  }
  return found;
}

/** Field errors for the tables the engine refused, each naming its decision; empty when it refused none. */
export function decisionRejectionProblems(error: EngineError, decisions: DecisionResource[]): FieldError[] {
  const problems: FieldError[] = [];
  decisions.forEach((resource, index) => {
    const lines = linesAbout(error.message, resource.name);
    if (lines.length === 0) return;
    const names = decisionsOf(resource.dmnXml);
    const detail = lines.join('; ').slice(0, 300);
    const mentioned = [...names.keys()].filter((id) => lines.some((l) => l.includes(`'${id}'`)));
    const named = (mentioned.length ? mentioned : [...names.keys()]).map((id) => label(id, names.get(id)));
    const which = named.length ? named.join(', ') : resource.name;
    problems.push({
      path: `decisions[${index}]`,
      text: {
        vi: `Bảng quyết định ${which} bị bộ máy quy trình từ chối: ${detail}`,
        en: `Decision ${which} is refused by the workflow engine: ${detail}`,
      },
    });
  });
  return problems;
}
