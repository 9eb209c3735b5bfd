// A consumer of @vast/error-codes alone: the named codes, the range check and a meaning.
import { VastErrorCode, describeVastErrorCode, isVastErrorCode } from '@vast/error-codes';

const code: VastErrorCode = VastErrorCode.WRAPPER_LIMIT_REACHED;
if (!isVastErrorCode(code) || isVastErrorCode(903)) throw new Error('isVastErrorCode disagrees with the range 100 to 902');
const meaning = describeVastErrorCode(code);
if (meaning === undefined || describeVastErrorCode(404) !== undefined) throw new Error(`unexpected meanings: ${String(meaning)}`);
console.log(`describeVastErrorCode(${code}):`, meaning);
