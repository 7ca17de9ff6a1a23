import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
import { precompress } from './build/precompress';

const apiOrigin = 'http://localhost:3000';

/**
 * Libraries that change only when we upgrade them get chunks of their own, so
 * a release of our code does not make browsers download them again (hashed
 * names, cached for a year). React, the router and the data clients are used
 * whole from the first page: one chunk each. MUI and react-admin are used a
 * little by the sign-in page and a lot by the lazy pages: entriesAware splits
 * them by which pages use each part, so the sign-in page does not download
 * the parts only a list or a form needs.
 */
const VENDOR_GROUPS = [
  { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
  { name: 'data', test: /[\\/]node_modules[\\/](@tanstack|@trpc)[\\/]/ },
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
