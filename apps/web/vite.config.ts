import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

/** In development the Hono server runs on API_PORT (default 3001); Vite proxies the API and websockets to it. */
const api = `http://127.0.0.1:${process.env.API_PORT ?? '3001'}`;

export default defineConfig({
  plugins: [sveltekit()],
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/healthz': api,
      '/metrics': api,
      '/g': api,
      '/sync': { target: api.replace('http', 'ws'), ws: true },
    },
  },
});
