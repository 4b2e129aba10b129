// Which errors mean "the store is unreachable for now" (a 503 from the API, a retry kept by a worker): the
// driver's and mongoose's, and the raw socket error the driver's write path rethrows when the store closes.
import { MongoNetworkError, MongoServerError } from 'mongodb';
import { isStoreUnavailable } from '../../../server/models/store-faults';

const socketError = (message: string, code: string) => Object.assign(new Error(message), { code });

test('the driver, mongoose and a raw socket error from the write path mean the store is unavailable', () => {
  const unavailable = [
    new MongoNetworkError('connection 3 to 127.0.0.1:27117 closed'),
    Object.assign(new Error('Server selection timed out after 5000 ms'), {
      name: 'MongooseServerSelectionError',
    }),
    Object.assign(new Error('Client must be connected'), { name: 'MongoNotConnectedError' }),
    Object.assign(new Error('Operation `dossiers.insertOne()` buffering timed out after 10000ms'), {
      name: 'MongooseError',
    }),
    new MongoServerError({ message: 'not primary', code: 10107 }),
    // What CI saw: a filing while the store was stopping answered 500 instead of 503.
    socketError('This socket has been ended by the other party', 'EPIPE'),
    socketError('read ECONNRESET', 'ECONNRESET'),
    new Error('insert failed', { cause: new MongoNetworkError('socket closed') }),
  ];
  expect(unavailable.filter((error) => !isStoreUnavailable(error))).toEqual([]);
});

test('a real fault, and another client’s socket error inside a cause, are not the store’s outage', () => {
  const real = [
    new MongoServerError({ message: 'E11000 duplicate key error', code: 11000 }),
    new MongoServerError({ message: 'Type mismatch', code: 14 }),
    new Error('Task Review lacks the header formKey'),
    new TypeError('fetch failed', { cause: socketError('connect ECONNREFUSED 127.0.0.1:9', 'ECONNREFUSED') }),
    new TypeError('fetch failed', { cause: socketError('other side closed', 'ECONNRESET') }),
    undefined,
    'a string',
  ];
  expect(real.filter((error) => isStoreUnavailable(error))).toEqual([]);
});
