import type { TimeProvider } from '@vast/time';

/** A signal that aborts when a time limit passes or any parent signal aborts. */
export interface Deadline {
  /** Aborts with {@link Deadline.reason} when the time is up, or with a parent's reason. */
  readonly signal: AbortSignal;
  /** The reason the signal carries when this deadline's own time ran out. */
  readonly reason: DOMException;
  /** Whether this deadline's own time ran out (not a parent's abort). */
  expired(): boolean;
  /** Releases the timer and the parent listeners. */
  dispose(): void;
}

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
  const controller = new AbortController();
  const timer = new AbortController();
  const reason = new DOMException(message, 'TimeoutError');
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
    time.sleep(ms, timer.signal).then(
      () => controller.abort(reason),
      () => undefined,
    );
  }
  return {
    signal: controller.signal,
    reason,
    expired: () => controller.signal.aborted && controller.signal.reason === reason,
    dispose() {
      timer.abort();
      for (const parent of linked) parent.removeEventListener('abort', onParentAbort);
    },
  };
}
