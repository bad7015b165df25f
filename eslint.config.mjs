import tseslint from "typescript-eslint";
import importX from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";

export default tseslint.config(
  { ignores: ["node_modules/**", ".next/**", ".data/**", "drizzle/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
  ...tseslint.configs.recommended,
  importX.flatConfigs.typescript,
  {
    settings: { "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })] },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["warn", "error", "info"] }],
    },
  },
  {
    files: ["server/domain/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["next", "next/*", "next-auth", "next-auth/*", "next-intl", "next-intl/*"], message: "The domain is framework-free." },
            { group: ["react", "react-dom", "react/*"], message: "The domain is framework-free." },
            { group: ["drizzle-orm", "drizzle-orm/*", "pg", "@electric-sql/*", "pg-boss"], message: "The domain does no I/O." },
            { group: ["@trpc/*"], message: "The domain is framework-free." },
            { group: ["node:fs", "node:http", "node:https", "node:net", "fs", "http", "https"], message: "The domain does no I/O." },
            { group: ["**/db/**", "**/modules/**", "**/api/**", "**/integrations/**", "**/auth/**"], message: "The domain depends on nothing above it." },
          ],
        },
      ],
    },
  },
  {
    files: ["scripts/**", "e2e/**", "**/*.test.ts", "**/*.int.test.ts"],
    rules: { "no-console": "off" },
  },
);
