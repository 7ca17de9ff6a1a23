import { createOrm, migrate } from '../orm.js';
import { databaseUrl } from './env.js';

const orm = await createOrm(databaseUrl);
const applied = await migrate(orm);
console.log(applied.length ? `Applied ${applied.join(', ')}` : 'Database is up to date');
await orm.close();
