import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "coverage/**",
      "sdk/**",
      "jest.config.js",
      "jest.engine.config.js",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.js"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { process: "readonly", module: "writable", require: "readonly" },
    },
  },
  {
    // Dynamic-provider methods load their implementation by package name at call time,
    // so that nothing but a require() call is serialized into __provider; a cloud's registry
    // entry loads its resource and lifecycle only when a declaration or a drift check needs them.
    files: ["provider/**/resource.ts", "provider/**/cloud.ts", "provider/core/lazyProvider.ts"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
