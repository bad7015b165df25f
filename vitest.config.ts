import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const alias = {
  "@": root,
  "server-only": path.join(root, "server/testing/empty-module.ts"),
};

export default defineConfig({
  test: {
    env: { TZ: "UTC", KVITT_DEMO: "1" },
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["**/*.test.ts"],
          // Test files share a worker's loaded modules instead of loading them again each: no test
          // mocks a module or changes the environment, and the unit tests take a third of the time.
          isolate: false,
          exclude: ["**/*.int.test.ts", "node_modules/**", "e2e/**", ".next/**"],
          env: { TZ: "UTC", KVITT_DEMO: "1" },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["**/*.int.test.ts"],
          exclude: ["node_modules/**", "e2e/**", ".next/**"],
          env: { TZ: "UTC", KVITT_DEMO: "1" },
          globalSetup: ["server/testing/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Two cores: keep PGlite instances few.
          maxWorkers: 2,
          // As for the unit tests: each file opens its own database, and shares only loaded code.
          isolate: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
