import { createOrm, migrate } from '../orm.js';
import { databaseUrl, isProduction } from './env.js';

if (isProduction) {
  console.error('db:reset refuses to run with NODE_ENV=production');
  process.exit(1);
}
const orm = await createOrm(databaseUrl);
await orm.schema.dropSchema({ dropMigrationsTable: true });
await migrate(orm);
console.log('Database dropped and migrated');
await orm.close();
