// Rebuilding an engine from its data dir: the snapshot, then the log's records after it, replayed in order.
// Used at start (runtime.ts) and by the compaction worker, which builds the next snapshot off the serving loop.
import { beginFeelCommand, endFeelCommand, type FeelOverrun } from './feel';
import type { Engine } from './engine/engine';
import { execute, type Command } from './engine/commands';
import { recoverDrgs } from './engine/decisions';
import { modelsOf, prepareDeploy } from './engine/deploy';
import { emptyState } from './engine/state';
import { readRecords } from './store/command-log';
import { readSnapshot } from './store/snapshot';

/** A command as logged: with the FEEL evaluations the budget stopped, which replay stops again. */
export type LoggedCommand = Command & { feelOverruns?: FeelOverrun[] };

export interface RecoveryHooks {
  /** after the snapshot is loaded and the indexes rebuilt, before any record is replayed */
  loaded?: () => void;
  /** after each replayed record (the command's effects to drain) */
  replayed?: () => void;
}

/** Loads the snapshot and replays records up to `untilSeq` into `engine`; returns the last sequence number. */
export async function recoverInto(
  engine: Engine,
  dataDir: string,
  hooks: RecoveryHooks = {},
  untilSeq = Infinity,
): Promise<number> {
  const snapshot = await readSnapshot(dataDir);
  let seq = 0;
  if (snapshot) {
    // A snapshot from before decisions were deployable lacks their (empty) tables.
    engine.state = { ...emptyState(), ...snapshot.state };
    seq = snapshot.seq;
    for (const def of Object.values(snapshot.state.processes)) {
      const model = (await modelsOf(def.xml)).find((m) => m.id === def.bpmnProcessId);
      if (model) engine.models.set(def.key, model);
    }
    await recoverDrgs(engine);
  }
  engine.rebuildIndexes();
  hooks.loaded?.();
  for (const record of await readRecords(dataDir, seq)) {
    if (record.seq > untilSeq) break;
    const cmd = record.cmd as LoggedCommand;
    if (cmd.type === 'deploy') await prepareDeploy(cmd.resources);
    beginFeelCommand(cmd.feelOverruns);
    try {
      execute(engine, cmd);
    } catch {
      // A command that failed when first run failed the same way; its record keeps replay faithful.
    } finally {
      endFeelCommand();
    }
    seq = record.seq;
    engine.jobTypesAvailable.clear();
    hooks.replayed?.();
    engine.endedInstances = [];
  }
  return seq;
}
