// Plain-path projections ({ a: 1, 'b.c': 1 } or { d: 0, 'e.f': 0 }) applied straight to a stored document:
// only the kept fields are walked and the containers on their paths rebuilt, the stored values are shared
// (stored documents are never edited in place). Mingo's projection copies and walks every field of every
// document, which dominated a page of the officers' list. Anything beyond plain paths (operators, positional
// `$`, literals, mixed or colliding paths) stays with mingo, as does a document whose path meets an array
// of arrays.
import type { Document } from 'bson';

/** A path tree: `true` at a projected path's last field, a subtree on the way there. */
type PathTree = Map<string, PathTree | true>;

/** Returned by a projection that cannot shape this document: the caller falls back to mingo for it. */
export const needsMingo = Symbol('needs mingo');

export type Projector = (doc: Document) => Document | typeof needsMingo;

function isPlainObject(value: unknown): value is Document {
  if (!value || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Adds a dotted path to the tree; false on a collision ('a' with 'a.b') or a malformed path. */
function addPath(tree: PathTree, path: string): boolean {
  const fields = path.split('.');
  let node = tree;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] as string;
    if (field === '' || field === '__proto__' || field.includes('$')) return false;
    const last = i === fields.length - 1;
    const existing = node.get(field);
    if (last) {
      if (existing !== undefined) return false;
      node.set(field, true);
    } else {
      if (existing === true) return false;
      const next: PathTree = existing ?? new Map();
      node.set(field, next);
      node = next;
    }
  }
  return true;
}

/** The projector for `spec`, or undefined when it is not a plain inclusion or exclusion of paths. */
export function plainProjection(spec: Document): Projector | undefined {
  const tree: PathTree = new Map();
  let mode: 'include' | 'exclude' | undefined;
  let keepId = true;
  for (const [path, value] of Object.entries(spec)) {
    if (typeof value !== 'number' && typeof value !== 'boolean') return undefined;
    if (Number.isNaN(value)) return undefined;
    const include = value !== 0 && value !== false;
    if (path === '_id') {
      keepId = include;
      continue;
    }
    const pathMode = include ? 'include' : 'exclude';
    if (mode && mode !== pathMode) return undefined;
    mode = pathMode;
    if (!addPath(tree, path)) return undefined;
  }
  // `{ _id: 0 }` alone hides the id; `{ _id: 1 }` alone keeps only the id.
  mode ??= keepId ? 'include' : 'exclude';
  if (mode === 'include') {
    if (keepId && !addPath(tree, '_id')) return undefined;
    return (doc) => includePaths(doc, tree);
  }
  if (!keepId && !addPath(tree, '_id')) return undefined;
  return (doc) => excludePaths(doc, tree);
}

function includePaths(doc: Document, tree: PathTree): Document | typeof needsMingo {
  const out: Document = {};
  for (const key of Object.keys(doc)) {
    const node = tree.get(key);
    if (node === undefined) continue;
    if (key === '__proto__') return needsMingo;
    const value: unknown = doc[key];
    if (node === true) {
      out[key] = value;
      continue;
    }
    if (isPlainObject(value)) {
      const inner = includePaths(value, node);
      if (inner === needsMingo) return needsMingo;
      out[key] = inner;
    } else if (Array.isArray(value)) {
      const items: Document[] = [];
      for (const item of value) {
        if (Array.isArray(item)) return needsMingo;
        if (!isPlainObject(item)) continue;
        const inner = includePaths(item, node);
        if (inner === needsMingo) return needsMingo;
        items.push(inner);
      }
      out[key] = items;
    }
  }
  return out;
}

function excludePaths(doc: Document, tree: PathTree): Document | typeof needsMingo {
  const out: Document = {};
  for (const key of Object.keys(doc)) {
    if (key === '__proto__') return needsMingo;
    const node = tree.get(key);
    const value: unknown = doc[key];
    if (node === undefined) {
      out[key] = value;
      continue;
    }
    if (node === true) continue;
    if (isPlainObject(value)) {
      const inner = excludePaths(value, node);
      if (inner === needsMingo) return needsMingo;
      out[key] = inner;
    } else if (Array.isArray(value)) {
      const items: unknown[] = [];
      for (const item of value) {
        if (Array.isArray(item)) return needsMingo;
        if (!isPlainObject(item)) {
          items.push(item);
          continue;
        }
        const inner = excludePaths(item, node);
        if (inner === needsMingo) return needsMingo;
        items.push(inner);
      }
      out[key] = items;
    } else out[key] = value;
  }
  return out;
}
