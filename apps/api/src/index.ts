// The API's one export: its router's type, for the backoffice's tRPC client. The server is dist/server.js.
export type { AppRouter } from './router.js';
