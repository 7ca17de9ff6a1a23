/**
 * How the apply route asks for received applications to be filed now, not
 * at the filing job's next round, without depending on the job runner.
 */
let wake: (() => void) | null = null;

/** Set when background jobs start (background-jobs/start-jobs.ts). */
export function onApplicationsReceived(listener: (() => void) | null): void {
  wake = listener;
}

/** An application was received: file it soon. */
export function applicationsReceived(): void {
  wake?.();
}
