import { defineConfig, mergeConfig } from 'vitest/config';
import { candorTestConfig } from '../../tooling/vitest.shared.js';

export default defineConfig(
  mergeConfig(candorTestConfig({ include: ['src/**/*.test.ts', 'src/**/*.test.tsx'] }), {
    test: {
      // Runs tsc over the tests too, so type-level assertions (types.test.ts) really fail the run.
      typecheck: { enabled: true, include: ['src/**/*.test.ts'], tsconfig: './tsconfig.json' },
    },
  }),
);
