import { defaultClientConditions, defineConfig } from 'vite';

/**
 * Bundles the browser scripts ("islands") of the careers site into
 * dist/islands, one self-contained, minified ES module each, which the site
 * writer copies into every tenant's site as `assets/<name>.js`.
 */
export default defineConfig({
  // Workspace packages from their TypeScript sources, like the tests.
  resolve: { conditions: ['@candor/source', ...defaultClientConditions] },
  publicDir: false,
  build: {
    outDir: 'dist/islands',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    modulePreload: false,
    rolldownOptions: {
      input: { apply: 'src/islands/apply.ts' },
      output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
