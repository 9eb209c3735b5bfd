// A consumer of @vast/player-core alone: the CTV media file policy picks a file.
import { CtvMediaFilePolicy } from '@vast/player-core';

const policy = new CtvMediaFilePolicy();
const picked = policy.select([]);
if (picked !== undefined) throw new Error('no file can be picked from an empty list');
console.log('preferred types:', policy.types.join(', '));
