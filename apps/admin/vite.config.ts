import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
import { precompress } from './build/precompress';

const apiOrigin = 'http://localhost:3000';

/**
 * Libraries that change only when we upgrade them get chunks of their own, so
 * a release of our code does not make browsers download them again (hashed
 * names, cached for a year). React, the router and the data clients are used
 * whole from the first page: one chunk each. Of MUI and react-admin the
 * sign-in page uses a little and the lazy pages a lot: what the first page
 * imports ($initial) is one chunk, and entriesAware splits the rest by which
 * pages use each part, so the sign-in page does not download the parts only a
 * list or a form needs. One initial chunk rather than entriesAware's twenty
 * small ones: each chunk is compressed on its own, so many small ones cost
 * 7 KB more gzipped (issue 16's first-load budget).
 */
const VENDOR_GROUPS = [
  { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
  { name: 'data', test: /[\\/]node_modules[\\/](@tanstack|@trpc)[\\/]/ },
  { name: 'vendor-initial', test: /[\\/]node_modules[\\/]/, tags: ['$initial' as const] },
  {
    name: 'mui',
    test: /[\\/]node_modules[\\/](@mui|@emotion|@popperjs|react-transition-group|stylis)[\\/]/,
    entriesAware: true,
  },
  {
    name: 'react-admin',
    test: /[\\/]node_modules[\\/](react-admin|ra-[a-z-]+|react-hook-form|lodash)[\\/]/,
    entriesAware: true,
  },
];

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
          groups: VENDOR_GROUPS.map((group, index) => ({ ...group, priority: VENDOR_GROUPS.length - index })),
        },
        // entriesAware names a chunk after every page that shares it; the group's name and the hash are enough.
        chunkFileNames: (chunk) => `assets/${chunk.name.split('~')[0]}-[hash].js`,
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
