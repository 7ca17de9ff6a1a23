import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
import { precompress } from './build/precompress';

const apiOrigin = 'http://localhost:3000';

/**
 * The libraries the first page (sign-in) imports ($initial: React, the
 * router, the data clients, the parts of MUI and react-admin it uses) are one
 * chunk: they change only when we upgrade them, so a release of our code does
 * not make browsers download them again (hashed names, cached for a year).
 * The rest of MUI and react-admin goes with the pages that use it, by
 * Rolldown's own splitting, so the sign-in page and the dashboard do not
 * download what only a list or a form needs. Not more vendor groups: each
 * chunk is compressed on its own, and splitting the libraries further (react,
 * data, entriesAware MUI and react-admin groups) made some twenty more small
 * chunks for the dashboard, 6 KB more gzipped (issue 16's 250 KB budget).
 */
const VENDOR_GROUPS = [{ name: 'vendor', test: /[\\/]node_modules[\\/]/, tags: ['$initial' as const] }];

export default defineConfig({
  // Served by the API under /admin/, so asset URLs must carry that prefix.
  base: '/admin/',
  plugins: [react(), precompress()],
  resolve: {
    // Workspace packages resolve to their TypeScript sources: no package build needed first.
    conditions: ['@candor/source', ...defaultClientConditions],
    // A polyfill of what every supported browser has; see the file for why.
    alias: { 'object.entries': fileURLToPath(new URL('./build/object-entries.cjs', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: VENDOR_GROUPS,
        },
      },
    },
  },
  server: {
    proxy: {
      '/trpc': apiOrigin,
      '/files': apiOrigin,
    },
  },
});
