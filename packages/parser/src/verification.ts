import type { TrackingEvent } from './tracking-event.js';

/** A `<JavaScriptResource>` of a verification. */
export interface JavaScriptResource {
  /** The script URL, trimmed. */
  readonly url: string;
  /** The API framework, such as `omid`. */
  readonly apiFramework?: string;
  /** Whether the script may run outside a browser (`browserOptional`). */
  readonly browserOptional?: boolean;
}

/** An `<ExecutableResource>` of a verification. */
export interface ExecutableResource {
  /** The resource URL, trimmed. */
  readonly url: string;
  /** The API framework. */
  readonly apiFramework?: string;
  /** The MIME type. */
  readonly type?: string;
  /** The language of the executable. */
  readonly language?: string;
}

/** A `<Verification>` of `<AdVerifications>` (VAST 4.0+): a measurement vendor's script. */
export interface Verification {
  /** The `vendor` attribute. */
  readonly vendor?: string;
  /** The JavaScript resources. */
  readonly javascriptResources: readonly JavaScriptResource[];
  /** The executable resources. */
  readonly executableResources: readonly ExecutableResource[];
  /** `<VerificationParameters>`, kept as written (opaque to the player). */
  readonly parameters?: string;
  /** Its tracking events (`verificationNotExecuted`). */
  readonly trackingEvents: readonly TrackingEvent[];
}
