import { VastError } from './vast-error.js';
import { VastErrorCode } from '@vast/error-codes';

/** The error (100) for a document that is not well-formed XML. @internal */
export function notXml(message: string): VastError {
  return new VastError(VastErrorCode.XML_PARSE_ERROR, `Not well-formed XML: ${message}`);
}
