// `npm run compile` bundles the `deck` command into lib/bundle/ (bin/deck.js runs it) after tsc
// has written lib/. Node then loads a few files instead of about 150 modules (the toolkit's own,
// yaml's and markdown-it's with its dependencies): the "deck build, new output folder" and
// "deck build, one word edited" rows of bench/results.md take about 60 ms less for it.
// Packages that some commands load on demand stay outside, loaded from node_modules.

import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: 'lib/cli/main.js',
    // All files in one folder two steps below the package root, as lib/cli/ is: the paths the
    // code makes from import.meta.url (the toolkit's root, its package.json) stay right.
    outDir: 'lib/bundle',
    emptyOutDir: true,
    target: 'node20',
    // Readable code, so that --debug stack traces are too (minifying saved no time).
    minify: false,
    copyPublicDir: false,
    reportCompressedSize: false,
    rolldownOptions: { output: { entryFileNames: 'cli.js', chunkFileNames: '[name].js' } },
  },
  ssr: {
    noExternal: true,
    external: ['vite', 'pdf-lib', 'sanitize-html', 'axe-core', 'safe-regex', 'pptxgenjs', 'jszip', 'ws', 'qrcode'],
  },
});
