// The TCP side: frames incoming bytes into wire messages, runs each command, writes the answer. Commands on
// one connection run in order; a failing command answers with MongoDB's error document and the connection
// stays usable.
import net from 'node:net';
import type { ConnectionAuth } from './auth/connection-auth';
import type { ScramUser } from './auth/scram-sha256';
import { CursorRegistry } from './cursors';
import { runCommand } from './commands/dispatch';
import { CommandError, errorReply } from './errors';
import type { Store } from './storage/store';
import { encodeReply, maxMessageSizeBytes, moreToCome, parseMessage } from './wire/codec';

export function createWireServer(
  store: Store,
  user: ScramUser,
): { server: net.Server; cursors: CursorRegistry } {
  const cursors = new CursorRegistry();
  let connectionIds = 0;
  let responseIds = 0;
  const server = net.createServer((socket) => {
    const connectionId = ++connectionIds;
    store.connectionCount += 1;
    const auth: ConnectionAuth = { user };
    socket.setNoDelay(true);
    let buffered = Buffer.alloc(0);
    let queue = Promise.resolve();

    const handleFrame = async (frame: Buffer) => {
      let requestId = frame.readInt32LE(4);
      let opCode = frame.readInt32LE(12);
      let reply;
      let silent = false;
      try {
        const message = parseMessage(frame);
        requestId = message.requestId;
        opCode = message.opCode;
        silent = (message.flags & moreToCome) !== 0;
        reply = await runCommand({ store, cursors, command: message.command, connectionId, auth });
      } catch (error) {
        reply = errorReply(error);
      }
      if (silent || socket.destroyed) return;
      socket.write(encodeReply(++responseIds, requestId, opCode, reply));
    };

    socket.on('data', (chunk) => {
      buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
      while (buffered.length >= 4) {
        const length = buffered.readInt32LE(0);
        if (length < 16 || length > maxMessageSizeBytes) {
          const error = new CommandError('BSONObjectTooLarge', `message length ${length} is out of range`);
          socket.end(encodeReply(++responseIds, 0, 2013, errorReply(error)));
          return;
        }
        if (buffered.length < length) break;
        const frame = buffered.subarray(0, length);
        buffered = buffered.subarray(length);
        queue = queue.then(() => handleFrame(frame));
      }
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      store.connectionCount -= 1;
    });
  });
  return { server, cursors };
}
