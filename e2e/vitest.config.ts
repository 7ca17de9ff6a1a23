import { defineConfig } from 'vitest/config';
import { candorTestConfig } from '../tooling/vitest.shared.js';

const shared = candorTestConfig({ include: ['tests/**/*.e2e.test.ts'], timeoutMs: 60_000 });

export default defineConfig({
  ...shared,
  test: {
    ...shared.test,
    globalSetup: [...shared.test.globalSetup, './support/servers.global-setup.ts'],
  },
});
