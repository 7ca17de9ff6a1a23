import { fileURLToPath } from 'node:url';

/**
 * Vitest settings every package shares: resolve workspace packages to their
 * TypeScript sources, and check once per run whether PostgreSQL is there.
 * Returns a plain object so this file needs no dependencies of its own.
 */
export function candorTestConfig(options: { include?: string[]; timeoutMs?: number } = {}) {
  return {
    resolve: { conditions: ['@candor/source'] },
    ssr: { resolve: { conditions: ['@candor/source'] } },
    test: {
      include: options.include ?? ['src/**/*.test.ts'],
      globalSetup: [fileURLToPath(new URL('./vitest.global-setup.ts', import.meta.url))],
      testTimeout: options.timeoutMs ?? 30_000,
      hookTimeout: 60_000,
      // Integration tests share one machine's PostgreSQL; files run one at a time per package.
      fileParallelism: false,
    },
  };
}
