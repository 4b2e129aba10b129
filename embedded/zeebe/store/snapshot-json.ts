// The snapshot's JSON as a list of buffers, without serialising again what can no longer change. Under load
// most of the state is the finished instances kept for inspection (their element instances and variables)
// and the deployed definitions (their XML). JSON.stringify of the whole state stalled the engine's event loop
// 36–77 ms at every snapshot in bench:engine (5.6 MB), and every job activation waiting behind it paid for it.
// A finished instance is encoded once, after the command that ended it, and its bytes are reused until it is
// pruned; a snapshot then costs the live instances only, and the file write copies the rest off the loop.
import type { Engine } from '../engine/engine';
import type { EngineState } from '../engine/state';

interface FinishedBytes {
  /** `"key":{…}` entries of the instance's element instances, comma-separated (empty if none) */
  elements: Buffer;
  /** `"scopeKey":{…}` entries of its variable scopes, comma-separated (empty if none) */
  variables: Buffer;
}

/** Fields whose entries never change once written: encoded once, reused while they are the same object. */
const IMMUTABLE_ENTRIES: ReadonlyArray<keyof EngineState> = [
  'processes',
  'forms',
  'decisionRequirements',
  'decisions',
];

function entry(key: string | number, value: unknown): string {
  return `"${key}":${JSON.stringify(value)}`;
}

interface Entries {
  elements: string[];
  variables: string[];
}

/** Adds the entries of these element instances and of their variable scopes to `into`. */
function addEntries(engine: Engine, elementKeys: Iterable<number>, into: Entries): Entries {
  for (const key of elementKeys) {
    const element = engine.state.elements[key];
    if (element !== undefined) into.elements.push(entry(key, element));
    const scope = engine.state.variables[key];
    if (scope !== undefined) into.variables.push(entry(key, scope));
  }
  return into;
}

const OPEN = Buffer.from('{');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from('}');
const LINE_END = Buffer.from('}\n');

/** The state from the lines `serialise` wrote. */
export function parseStateLines(bytes: Buffer, from = 0): EngineState {
  const state: Record<string, unknown> = {};
  for (let start = from; start < bytes.length;) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    if (end > start) Object.assign(state, JSON.parse(bytes.toString('utf8', start, end)) as object);
    start = end + 1;
  }
  return state as unknown as EngineState;
}

/** A JSON object of comma-separated entry chunks, skipping empty ones. */
function object(parts: Buffer[]): Buffer[] {
  const out: Buffer[] = [OPEN];
  for (const part of parts) {
    if (part.length === 0) continue;
    if (out.length > 1) out.push(COMMA);
    out.push(part);
  }
  out.push(CLOSE);
  return out;
}

export class SnapshotJson {
  private finished = new Map<number, FinishedBytes>();
  private definitions = new Map<unknown, Buffer>();

  /** To call after each command: the instances it ended are final from now on. */
  freezeEnded(engine: Engine): void {
    for (const { key } of engine.endedInstances) {
      if (!this.finished.has(key)) this.finished.set(key, this.encodeFinished(engine, key));
    }
    // Pruning drops the oldest finished instances first, and they are the oldest here too.
    for (const key of this.finished.keys()) {
      if (this.finished.size <= engine.state.finished.length) break;
      this.finished.delete(key);
    }
  }

  /** After loading a snapshot: encodes the finished instances it held, so the next snapshot does not. */
  freezeAll(engine: Engine): void {
    for (const key of engine.state.finished) this.finished.set(key, this.encodeFinished(engine, key));
  }

  /**
   * The state as lines of JSON, in chunks to be written one after the other: one line `{"field":value}` per field
   * of the state, so no line is the whole state (a string past 512 MB cannot be parsed) and reading it back
   * (store/snapshot.ts) parses field by field. JSON.stringify never writes a raw newline.
   */
  serialise(engine: Engine): Buffer[] {
    const state = engine.state;
    const finished = new Map<number, FinishedBytes>();
    for (const root of state.finished) {
      finished.set(root, this.finished.get(root) ?? this.encodeFinished(engine, root));
    }
    this.finished = finished;
    const live: Entries = { elements: [], variables: [] };
    // Every element instance is indexed under its process instance (register, rebuildIndexes), and variable
    // scopes are element instances: walking the index finds all that is not finished.
    for (const [instanceKey, elementKeys] of engine.byInstance) {
      if (!finished.has(instanceKey)) addEntries(engine, elementKeys, live);
    }

    const definitions = new Map<unknown, Buffer>();
    const chunks: Buffer[] = [];
    const field = (name: string, parts: Buffer[]): void => {
      chunks.push(Buffer.from(`{"${name}":`), ...parts, LINE_END);
    };
    for (const name of Object.keys(state) as Array<keyof EngineState>) {
      if (name === 'elements' || name === 'variables') {
        const frozen = [...finished.values()].map((bytes) => bytes[name]);
        field(name, object([...frozen, Buffer.from(live[name].join(','))]));
      } else if (IMMUTABLE_ENTRIES.includes(name)) {
        const byKey = state[name] as Record<string, unknown>;
        const parts: Buffer[] = [];
        for (const key in byKey) {
          const value = byKey[key];
          const bytes = this.definitions.get(value) ?? Buffer.from(entry(key, value));
          definitions.set(value, bytes);
          parts.push(bytes);
        }
        field(name, object(parts));
      } else if (state[name] !== undefined) {
        field(name, [Buffer.from(JSON.stringify(state[name]))]);
      }
    }
    this.definitions = definitions;
    return chunks;
  }

  private encodeFinished(engine: Engine, root: number): FinishedBytes {
    const { elements, variables } = addEntries(engine, engine.byInstance.get(root) ?? [], {
      elements: [],
      variables: [],
    });
    return { elements: Buffer.from(elements.join(',')), variables: Buffer.from(variables.join(',')) };
  }
}
