import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// The build lands in the JAR's class path (see ConsoleApp.RESOURCE_ROOT); Keycloak serves it at
// /realms/{realm}/portal-access/console/. Relative URLs ("./assets/...") plus the <base> element the server
// writes into index.html make one build work for every realm and every deep link.
export default defineConfig({
  base: "./",
  plugins: [react()],
  build: {
    outDir: fileURLToPath(
      new URL("../../../target/classes/dev/portalaccess/keycloak/console/app", import.meta.url),
    ),
    emptyOutDir: true,
    assetsDir: "assets",
    sourcemap: false,
    // Keycloak serves every file: nothing may be inlined into index.html (the CSP allows no inline script)
    assetsInlineLimit: 0,
    rolldownOptions: {
      // two single-page applications of one build sharing their chunks: the console and the team page
      // (served at /realms/{realm}/portal-access/team/ from team.html)
      input: {
        index: fileURLToPath(new URL("index.html", import.meta.url)),
        team: fileURLToPath(new URL("team.html", import.meta.url)),
      },
      output: {
        // libraries in chunks of their own: they change less often than the app, so browsers keep them longer
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/ },
            { name: "patternfly", test: /node_modules[\\/](@patternfly|focus-trap|tabbable|tslib)[\\/]/ },
            { name: "keycloak", test: /node_modules[\\/](keycloak-js|@keycloak|@microsoft|url-template|camelize-ts|jwt-decode)[\\/]/ },
            { name: "i18n", test: /node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements|@babel)[\\/]/ },
          ],
        },
      },
    },
  },
  test: {
    environment: "node",
    include: ["src/**/*.test.{ts,tsx}"],
    // PatternFly's CommonJS build (Node's pick) requires CSS files: take its ES build, transformed by Vite
    alias: [{ find: /^@patternfly\/react-core$/, replacement: "@patternfly/react-core/dist/esm/index.js" }],
    server: { deps: { inline: [/@patternfly\//] } },
  },
});
