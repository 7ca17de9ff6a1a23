import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

const apiOrigin = 'http://localhost:3000';

export default defineConfig({
  // Served by the API under /admin/, so asset URLs must carry that prefix.
  base: '/admin/',
  plugins: [react()],
  resolve: {
    // Workspace packages resolve to their TypeScript sources: no package build needed first.
    conditions: ['@candor/source', ...defaultClientConditions],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // react-admin with MUI is about 1.1 MB on its own; a signed-in backoffice gains little from splitting it.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/trpc': apiOrigin,
      '/files': apiOrigin,
    },
  },
});
