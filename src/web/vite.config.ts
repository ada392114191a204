import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The dashboard is built into src/web/dist, which `sitrep serve` serves at `/`; every asset ships in the
// build (no CDN), and relative asset URLs keep it working behind a path prefix.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000, sourcemap: false },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
