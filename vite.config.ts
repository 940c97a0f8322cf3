// The analyst's desk: ui/ is bundled into dist/public, which Nest serves at / (src/ui/serve-ui.ts).
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'ui',
  base: '/',
  // Preact's automatic JSX runtime; ui/tsconfig.json says the same for the type checker.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: '../dist/public',
    emptyOutDir: true,
    // One bundle the browser caches; echarts is the bulk and is loaded only by the pages that chart.
    chunkSizeWarningLimit: 1200,
  },
  logLevel: 'warn',
});
