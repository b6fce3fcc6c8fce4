// `npm run compile` bundles the `deck` command into lib/bundle/ (bin/deck.js runs it) after tsc has
// written lib/. Node then loads a few files instead of the ~150 modules of the toolkit, yaml and
// markdown-it with its dependencies: about 60 ms less for every command (bench/results.md,
// section 2, "deck build" rows). The heavy packages that some commands load on demand stay outside.

import { defineConfig } from 'vite';

export default defineConfig({
  configFile: false,
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: 'lib/cli/main.js',
    // Two folders below the package root, as lib/cli/ is: paths made from import.meta.url still work.
    outDir: 'lib/bundle',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    copyPublicDir: false,
    reportCompressedSize: false,
    rolldownOptions: { output: { entryFileNames: 'cli.js', chunkFileNames: '[name].js' } },
  },
  ssr: {
    noExternal: true,
    external: ['vite', 'playwright-core', 'pdf-lib', 'sanitize-html', 'axe-core'],
  },
});
