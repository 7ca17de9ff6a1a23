import { resolve } from 'node:path';

// Relative paths are taken from where pnpm was started (INIT_CWD), so `pnpm db:migrate`
// at the repository root works on the same ./data/candor.db as `pnpm start`.
const startDir = process.env.INIT_CWD ?? process.cwd();
const url = process.env.DATABASE_URL ?? 'sqlite:./data/candor.db';

/** The database the CLI commands work on: DATABASE_URL, or the embedded default. */
export const databaseUrl = /^(sqlite|file):(?!\/)/.test(url)
  ? `sqlite:${resolve(startDir, url.replace(/^(sqlite|file):/, ''))}`
  : url;

export const isProduction = process.env.NODE_ENV === 'production';
