// A consumer of @vast/session-redis alone: its conflict error, recognised by the package's guard.
import { SessionConflictError, isSessionStoreError } from '@vast/session-redis';

const conflict = new SessionConflictError('s-1', 3, 4);
if (!isSessionStoreError(conflict) || conflict.code !== 'SESSION_CONFLICT') throw new Error(`unexpected: ${conflict.code}`);
if (isSessionStoreError(new Error('SESSION_CONFLICT'))) throw new Error('a plain Error must not pass the guard');
console.log('conflict:', conflict.code, conflict.message);
