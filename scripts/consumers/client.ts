// A consumer of @vast/client alone: the SSRF guard classifies addresses without a request.
import { VastClient, classifyAddress } from '@vast/client';

const kind = classifyAddress('127.0.0.1');
const client = new VastClient();
await client.close();
console.log('127.0.0.1 is', kind);
