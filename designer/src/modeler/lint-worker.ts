// Lints diagrams off the main thread: the modeler posts the XML (on import, in parallel with bpmn-js's own
// import; after edits, its export) and gets the reports back. Same rules as publishing (lintForEngine).
import { lintForEngine } from '../../../processes/linting/publish-check';

export interface LintRequest {
  id: number;
  xml: string;
}
export type LintResponse = { id: number; reports: unknown[] } | { id: number; error: string };

/** Reports carry moddle elements in `data` (whole subtrees, not cloneable); the canvas needs their type and id. */
const cloneable = (reports: unknown[]): unknown[] =>
  JSON.parse(
    JSON.stringify(reports, (_key, value: unknown) =>
      value && typeof value === 'object' && '$type' in value
        ? { $type: (value as { $type: string }).$type, id: (value as { id?: string }).id }
        : value,
    ),
  ) as unknown[];

self.onmessage = async (event: MessageEvent<LintRequest>) => {
  const { id, xml } = event.data;
  let response: LintResponse;
  try {
    response = { id, reports: cloneable(await lintForEngine(xml)) };
  } catch (error) {
    response = { id, error: (error as Error).message };
  }
  self.postMessage(response);
};
