import { writeFileSync } from 'node:fs';

/**
 * Test-only (careers/apply-crash.int.test.ts): with
 * CANDOR_TEST_PAUSE_AFTER_FILE_WRITE set to a path, outside production, a
 * write stops where it is called (files written, transaction not committed),
 * writes that path as a marker and never goes on, so the test can kill -9
 * the process exactly there. Unset, it does nothing.
 */
export async function pauseForCrashTest(): Promise<void> {
  // biome-ignore lint/style/noProcessEnv: a test hook, read where it acts so that no deployment setting carries it
  const { CANDOR_TEST_PAUSE_AFTER_FILE_WRITE: marker, NODE_ENV } = process.env;
  if (!marker || NODE_ENV === 'production') return;
  writeFileSync(marker, String(process.pid));
  await new Promise<never>(() => undefined);
}
