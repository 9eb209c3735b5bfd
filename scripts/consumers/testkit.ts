// A consumer of @vast/testkit alone: the mock ad server answers on loopback and records it.
import { startMockAdServer } from '@vast/testkit';

const server = await startMockAdServer({ routes: { '/vast.xml': '<VAST version="4.2"></VAST>' } });
const response = await fetch(server.url('/vast.xml'));
const body = await response.text();
await server.close();
if (!body.startsWith('<VAST')) throw new Error(`unexpected body: ${body}`);
console.log('served', body.length, 'bytes, recorded', server.received().length, 'request(s)');
