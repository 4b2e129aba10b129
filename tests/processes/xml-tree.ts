// A small XML reader for the model checks: elements with attributes and text, no DTDs or CDATA (BPMN as
// bpmn-js and the model kit write it). Entities in attributes and text are decoded.
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const TOKEN =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function decode(value: string): string {
  return value
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCharCode(parseInt(n, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  for (const m of xml.matchAll(TOKEN)) {
    const top = stack[stack.length - 1];
    if (!top) throw new Error('XML không cân bằng');
    const [, closing, opening, attrText, selfClosing, text] = m;
    if (closing) {
      if (top.name !== closing) throw new Error(`Thẻ đóng </${closing}> không khớp <${top.name}>`);
      stack.pop();
    } else if (opening) {
      const attrs: Record<string, string> = {};
      for (const a of (attrText ?? '').matchAll(ATTR)) attrs[a[1] ?? ''] = decode(a[2] ?? a[3] ?? '');
      const element: XmlElement = { name: opening, attrs, children: [], text: '' };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    } else if (text) {
      top.text += decode(text);
    }
  }
  if (stack.length !== 1) throw new Error('XML thiếu thẻ đóng');
  return root;
}

export function descendants(element: XmlElement): XmlElement[] {
  return element.children.flatMap((c) => [c, ...descendants(c)]);
}

export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}
