/**
 * The ceiling `pnpm bench:apply` compares Candor with: a bare Hono handler
 * that parses the same multipart body Candor's apply endpoint gets and
 * writes one row to the same database, through the same driver, and
 * nothing else (no validation, no encryption, no files, no audit).
 *
 *   node --import tsx bare-apply-server.ts   (PORT, DATABASE_URL from the environment)
 */
import { randomUUID } from 'node:crypto';
import { createOrm } from '@candor/db';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const port = Number(process.env.PORT);
const databaseUrl = process.env.DATABASE_URL;
if (!port || !databaseUrl) throw new Error('PORT and DATABASE_URL are required');

const orm = await createOrm(databaseUrl);
const connection = orm.em.getConnection();
await connection.execute(
  'create table if not exists bench_application (id varchar(36) primary key, job_id varchar(36) not null, name varchar(200) not null, email varchar(320) not null, resume_bytes integer not null, created_at varchar(40) not null)',
);

const app = new Hono();
app.get('/healthz', (c) => c.json({ status: 'ok' }));
app.post('/careers/:slug/jobs/:jobId/apply', async (c) => {
  const body = await c.req.parseBody({ all: true });
  const resume = body.resume;
  if (typeof body.name !== 'string' || typeof body.email !== 'string' || !(resume instanceof File))
    return c.json({ error: { message: 'name, email and resume are required' } }, 400);
  const bytes = await resume.arrayBuffer();
  await connection.execute(
    'insert into bench_application (id, job_id, name, email, resume_bytes, created_at) values (?, ?, ?, ?, ?, ?)',
    [randomUUID(), c.req.param('jobId'), body.name, body.email, bytes.byteLength, new Date().toISOString()],
  );
  return c.json({ received: true }, 201);
});

const server = serve({ fetch: app.fetch, port });
process.on('SIGTERM', () => {
  server.close();
  void orm.close().then(() => process.exit(0));
});
