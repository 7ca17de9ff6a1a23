import { defineConfig } from 'vitest/config';
import { candorTestConfig } from '../tooling/vitest.shared.js';

const shared = candorTestConfig({ include: ['tests/**/*.e2e.test.ts'], timeoutMs: 60_000 });

export default defineConfig({
  ...shared,
  test: {
    ...shared.test,
    globalSetup: [...shared.test.globalSetup, './support/servers.global-setup.ts'],
    // A real browser against two servers on a 2-core machine: a test that trips over timing once is run
    // once more. A real fault fails both times (each retry is reported in the output).
    retry: 1,
  },
});
