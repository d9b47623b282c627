// The editors' console: a single-page app served by the portal server at /admin
// (src/plugins/admin-routes.ts). `npm start` builds it when its sources changed
// (scripts/admin-build.ts); `npm run admin:dev` serves it with hot reload against
// a running API (API_URL, default http://localhost:4000).
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));
const api = process.env.API_URL ?? "http://localhost:4000";

export default defineConfig({
  root,
  base: "/admin/",
  publicDir: "public",
  // React's automatic JSX runtime (no React import in every file).
  oxc: { jsx: { runtime: "automatic" } },
  build: {
    outDir: process.env.ADMIN_OUT_DIR ?? "dist",
    emptyOutDir: true,
    // No inline script anywhere: the page runs under script-src 'self'.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    target: "es2022",
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // React Server Components' "use client" means nothing in a client-only bundle.
      onwarn(warning, warn) {
        if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: {
      "/graphql": { target: api, ws: true, changeOrigin: true },
      "/media": { target: api, changeOrigin: true },
    },
  },
});
