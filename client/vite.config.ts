/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

// The host the dev server forwards to (npm run dev). The Host header is kept (changeOrigin: false), so the
// provider sees http://localhost:5173 and issues tokens for that issuer: the browser never leaves one origin.
const host = process.env.CONGRESS_URL ?? 'http://localhost:5080';
const proxied = ['api', 'connect', '\\.well-known', 'account', 'openapi', 'swagger', 'health'];
const proxy: Record<string, ProxyOptions> = Object.fromEntries(
  proxied.map((prefix) => [`^/${prefix}(/|$)`, { target: host, changeOrigin: false, xfwd: false }]),
);

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: { port: 5173, strictPort: true, proxy },
  preview: { port: 4173, proxy },
  build: {
    // The host serves wwwroot (SpaHosting.cs); it is git-ignored and rebuilt by Client.targets.
    outDir: fileURLToPath(new URL('../src/CongressPlatform.Host/wwwroot', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // Vendor chunks that are cached across releases of our own code. antd is deliberately NOT one chunk:
        // left to the bundler, each lazy page brings only the components it uses, and the entry only what the
        // shell needs (ConfigProvider, App, Spin, Result). echarts is reached only from the home page's chart,
        // the OIDC libraries only from the console (never from /p).
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor)[\\/]/, priority: 25 },
            { name: 'oidc', test: /node_modules[\\/](oidc-client-ts|react-oidc-context|jwt-decode)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    globals: false,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    testTimeout: 20000,
  },
});
