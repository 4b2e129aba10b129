// Refuses a .bpmn file before it reaches the modeler: too large, XML entity or DOCTYPE tricks, malformed XML,
// or a root that is not a BPMN 2.0 definitions element. Unknown elements are caught after the import
// (bpmn-js reports them as warnings). Messages are the user's, in their language.
export const maxBpmnChars = 1_000_000;
export const bpmnModelNs = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

export type UploadProblem =
  | { kind: 'too-large'; limit: number }
  | { kind: 'doctype' }
  | { kind: 'malformed'; detail: string }
  | { kind: 'not-bpmn' };

export function checkBpmnUpload(xml: string): UploadProblem | null {
  if (xml.length > maxBpmnChars) return { kind: 'too-large', limit: maxBpmnChars };
  // A BPMN file never needs a DTD; entity definitions are how billion-laughs and external entities come in.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return { kind: 'doctype' };
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  const error = document.getElementsByTagName('parsererror')[0];
  if (error) return { kind: 'malformed', detail: (error.textContent ?? '').trim().slice(0, 200) };
  const root = document.documentElement;
  if (!root || root.localName !== 'definitions' || root.namespaceURI !== bpmnModelNs)
    return { kind: 'not-bpmn' };
  return null;
}

/** bpmn-js import warnings that mean the file holds something we would silently drop. */
export function unknownContent(warnings: { message: string }[]): string[] {
  return warnings
    .map((w) => w.message)
    .filter((m) => /unparsable content|unknown type|unresolved reference/i.test(m));
}
