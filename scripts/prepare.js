#!/usr/bin/env node
/**
 * npm's `prepare` for this package: compile dist/ (`npm run build`).
 *
 * npm runs it in three places. In a checkout (`npm ci`) and for a git dependency (npm installs
 * the dev dependencies in its own clone first), TypeScript is there and this is just the build.
 * The third is the plugin project: when `pulumi package add <git URL>/plugin` (or `pulumi up`
 * of a program that recorded it) installs plugin/'s dependencies in the clone Pulumi made,
 * plugin/package.json's `file:..` links this folder, and npm runs its `prepare` without having
 * installed anything here: no TypeScript to build with, and nothing for dist/ to load at run
 * time. Then this installs the locked dependencies here first (dev ones included: the build
 * needs them), without scripts (this one would run again). The same link in an installed copy
 * of the package (`pulumi package add node_modules/pulumi-redis-backup/plugin`) finds dist/
 * built and no sources to build it from: nothing to do there.
 *
 * Plain JavaScript: it runs before anything is installed.
 */
/* global __dirname */
/* eslint-disable @typescript-eslint/no-require-imports */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** Runs npm with `args` in the package's folder, its output shown; exits with npm's code if it fails. */
function runNpm(args) {
  const r = spawnSync(npm, args, { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  if (r.status !== 0) {
    process.stderr.write(
      `pulumi-redis-backup prepare: npm ${args.join(" ")} failed (${r.status ?? r.signal})\n`,
    );
    process.exit(r.status ?? 1);
  }
}

if (!fs.existsSync(path.join(root, "provider", "index.ts"))) {
  // An installed package: built when it was packed; its dependencies are the project's.
  process.exit(0);
}
if (!fs.existsSync(path.join(root, "node_modules", "typescript", "package.json"))) {
  process.stderr.write(
    "pulumi-redis-backup prepare: no dependencies installed in " +
      root +
      " (a plugin project's link); installing them\n",
  );
  runNpm(["ci", "--include=dev", "--ignore-scripts", "--no-audit", "--no-fund"]);
}
runNpm(["run", "build"]);
