import type { TimeProvider } from '@vast/time';

/** A signal that aborts when a time limit passes or any parent signal aborts. */
export interface Deadline {
  /** Aborts with a `TimeoutError` `DOMException` when the time is up, or with a parent's reason. */
  readonly signal: AbortSignal;
  /** Whether this deadline's own time ran out (not a parent's abort). */
  expired(): boolean;
  /** Releases the timer and the parent listeners; the signal must not be used afterwards. */
  dispose(): void;
}

/** What the timer of a disposed deadline is aborted with: cheaper than a `DOMException`. */
const DISPOSED: unknown = Object.freeze({ disposed: true });

/**
 * Starts a deadline of `ms` on the injected clock, linked to parent signals. Listeners are added
 * and removed by hand (no `AbortSignal.any`) so long-lived parents do not collect dead children.
 *
 * @internal
 */
export function startDeadline(
  time: TimeProvider,
  ms: number,
  message: string,
  parents: readonly (AbortSignal | undefined)[],
): Deadline {
  // One controller serves as the signal and as the timer's cancellation: disposing aborts it,
  // which only releases the timer once the work it guarded has finished.
  const controller = new AbortController();
  let expired = false;
  const linked: AbortSignal[] = [];
  const onParentAbort = function (this: AbortSignal): void {
    controller.abort(this.reason);
  };
  for (const parent of parents) {
    if (parent === undefined) continue;
    if (parent.aborted) {
      controller.abort(parent.reason);
      break;
    }
    parent.addEventListener('abort', onParentAbort, { once: true });
    linked.push(parent);
  }
  if (!controller.signal.aborted && Number.isFinite(ms)) {
    time.sleep(ms, controller.signal).then(
      () => {
        if (controller.signal.aborted) return;
        expired = true;
        controller.abort(new DOMException(message, 'TimeoutError'));
      },
      () => undefined,
    );
  }
  return {
    signal: controller.signal,
    expired: () => expired,
    dispose() {
      if (!controller.signal.aborted) controller.abort(DISPOSED);
      for (const parent of linked) parent.removeEventListener('abort', onParentAbort);
    },
  };
}
