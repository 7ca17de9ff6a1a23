import { createOrm, migrate } from '../orm.js';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../seed/demo.js';
import { databaseUrl } from './env.js';

const orm = await createOrm(databaseUrl);
await migrate(orm);
const { created } = await seedDemo(orm.em.fork());
console.log(created ? 'Seeded the demo tenant:' : 'The demo tenant exists already:');
for (const u of DEMO_USERS) console.log(`  ${u.email.padEnd(26)} ${u.role.padEnd(15)} ${DEMO_PASSWORD}`);
await orm.close();
