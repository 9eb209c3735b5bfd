// A consumer of @vast/session alone: the state machine's transitions.
import { PlaybackStatus, canTransition } from '@vast/session';

if (!canTransition(PlaybackStatus.Loading, PlaybackStatus.Playing)) throw new Error('loading -> playing must be allowed');
if (canTransition(PlaybackStatus.Completed, PlaybackStatus.Playing)) throw new Error('completed is terminal');
console.log('loading -> playing allowed, completed -> playing refused');
