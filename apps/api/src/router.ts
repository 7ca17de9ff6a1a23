import { auditRouter } from './audit/audit.router.js';
import { authRouter } from './auth/auth.router.js';
import { router } from './trpc/init.js';
import { usersRouter } from './users/users.router.js';

export const appRouter = router({
  auth: authRouter,
  users: usersRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
