// A consumer of @vast/beacon-queue alone: the idempotency key of a beacon, stable for the same beacon.
import { beaconKey } from '@vast/beacon-queue';

const beacon = { id: 1, event: 'start', url: 'https://ads.example/start', template: 'https://ads.example/start', level: 0, time: 0 };
const key = beaconKey('s-42', beacon);
if (key !== beaconKey('s-42', { ...beacon, id: 2, time: 5 })) throw new Error('the key of one event must not depend on when it fired');
if (!key.startsWith('s-42|0|start|')) throw new Error(`unexpected key: ${key}`);
console.log('key:', key);
