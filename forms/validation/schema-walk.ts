// Walks a form's JSON Schema along a data path (JSON pointer), following internal `#/definitions` refs, so
// an error at /child/birthPlace/commune can be named with the labels of every step.
export type SchemaNode = Record<string, unknown>;

export interface SchemaStep {
  /** Data segment (property name or array index). */
  segment: string;
  isIndex: boolean;
  schema: SchemaNode | undefined;
  /** UI-schema scope of this step, e.g. #/properties/child/properties/birthDate. */
  scope: string;
  /** Where the resolved schema lives, e.g. #/definitions/address/properties/province. */
  location: string;
}

const isNode = (v: unknown): v is SchemaNode => typeof v === 'object' && v !== null && !Array.isArray(v);

export function decodePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function resolveRef(root: SchemaNode, node: SchemaNode, location: string): [SchemaNode, string] {
  let current = node;
  let where = location;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 10; hops++) {
    const ref = current.$ref as string;
    if (!ref.startsWith('#/')) break;
    let target: unknown = root;
    for (const part of decodePointer(ref.slice(1))) target = isNode(target) ? target[part] : undefined;
    if (!isNode(target)) break;
    current = target;
    where = ref;
  }
  return [current, where];
}

/** Property schemas reachable from a node, including those declared in if/then/else and allOf branches. */
function propertySchema(node: SchemaNode, name: string): [SchemaNode, string] | undefined {
  const props = node.properties;
  if (isNode(props) && isNode(props[name])) return [props[name] as SchemaNode, `/properties/${name}`];
  for (const key of ['then', 'else']) {
    const branch = node[key];
    if (isNode(branch)) {
      const hit = propertySchema(branch, name);
      if (hit) return [hit[0], `/${key}${hit[1]}`];
    }
  }
  return undefined;
}

export function walkSchema(root: SchemaNode, dataPath: string): SchemaStep[] {
  const steps: SchemaStep[] = [];
  let [node, location] = resolveRef(root, root, '#');
  let scope = '#';
  for (const segment of decodePointer(dataPath)) {
    const isIndex = /^\d+$/.test(segment) && isNode(node?.items);
    let next: SchemaNode | undefined;
    let nextLocation = location;
    if (node && isIndex) {
      next = node.items as SchemaNode;
      nextLocation = `${location}/items`;
      scope = `${scope}/items`;
    } else if (node) {
      const hit = propertySchema(node, segment);
      next = hit?.[0];
      nextLocation = `${location}${hit?.[1] ?? `/properties/${segment}`}`;
      scope = `${scope}/properties/${segment}`;
    }
    if (next) {
      // A title beside a $ref names this use of the shared definition ("Nơi sinh" rather than "Địa chỉ").
      const title = next.title;
      [next, nextLocation] = resolveRef(root, next, nextLocation);
      if (title !== undefined) next = { ...next, title };
    }
    node = next as SchemaNode;
    location = nextLocation;
    steps.push({ segment, isIndex, schema: next, scope, location });
  }
  return steps;
}

/** The schema a UI-schema scope (#/properties/a/items/properties/b) points at, following internal refs. */
export function schemaAtScope(root: SchemaNode, scope: string): SchemaNode | undefined {
  let [node, location] = resolveRef(root, root, '#');
  const parts = decodePointer(scope.replace(/^#/, ''));
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    let next: SchemaNode | undefined;
    if (part === 'items' && isNode(node.items)) next = node.items;
    else if (part === 'properties' && i + 1 < parts.length) next = propertySchema(node, parts[++i]!)?.[0];
    if (!next) return undefined;
    [node, location] = resolveRef(root, next, location);
  }
  return node;
}
