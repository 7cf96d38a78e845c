/**
 * `npm run test:consumer`: the package as a user gets it. Makes Pulumi-template projects (the
 * tsconfig `pulumi new typescript` writes: strict, commonjs, `moduleResolution: node`, neither
 * `esModuleInterop` nor `skipLibCheck`) in a temporary folder, installs the package into one from
 * a packed tarball (with the lowest `@pulumi/pulumi` the peer range allows) and into another from a
 * git URL (with the newest on the registry), and in each: type-checks a program under the
 * template's tsconfig, under node16 and under bundler resolution, checks that no zod, yaml or
 * commander declaration is reached, runs the two commands, and takes, reads and deletes one backup
 * per cloud through Pulumi's dynamic-provider host against the emulator, with documented imports
 * only, and installs the plugin project inside the package and loads its provider. Exits 1 on
 * the first thing that does not hold, saying what.
 *
 * Options: `--keep` leaves the folder; `--only tarball|git` runs one install.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");
const args = process.argv.slice(2);
const keep = args.includes("--keep");
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;

/** The lowest `@pulumi/pulumi` the peer range names (its `^x.y.z`). */
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const LOWEST_PULUMI = String(pkg.peerDependencies["@pulumi/pulumi"]).replace(/^\^/, "");

const say = (s: string) => process.stdout.write(`${s}\n`);

class ConsumerFailure extends Error {}
function check(ok: unknown, what: string): void {
  if (!ok) throw new ConsumerFailure(what);
}

function run(cmd: string, argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  say(`$ ${cmd} ${argv.join(" ")}`);
  try {
    return execFileSync(cmd, argv, {
      cwd,
      env: { ...process.env, ...env },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; status?: number };
    throw new ConsumerFailure(
      `${cmd} ${argv.join(" ")} in ${cwd} exited ${err.status}:\n${err.stdout ?? ""}${err.stderr ?? ""}`,
    );
  }
}

/** The tsconfig `pulumi new typescript` writes (templates/typescript/tsconfig.json). */
const TEMPLATE_TSCONFIG = {
  compilerOptions: {
    strict: true,
    outDir: "bin",
    target: "es2020",
    module: "commonjs",
    moduleResolution: "node",
    sourceMap: true,
    experimentalDecorators: true,
    pretty: true,
    noFallthroughCasesInSwitch: true,
    noImplicitReturns: true,
    forceConsistentCasingInFileNames: true,
  },
  files: ["index.ts", "offline.ts"],
};

/** The program: one backup per cloud, and the declarations API, with the README's imports. */
const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import { alicloud, DeclarationsError, tencentcloud, ucloud } from "pulumi-redis-backup";
import type { Declaration, DeclaredBackup, Problem } from "pulumi-redis-backup";

/** One backup of each cloud's demo instance. */
export function backups(): pulumi.Resource[] {
  return [
    new tencentcloud.RedisBackup("orders", { instanceId: "crs-demo0001", remark: "consumer", storageDays: 7 }),
    new alicloud.RedisBackup("catalog", { instanceId: "r-demo0001", retentionDays: 7 }),
    new ucloud.RedisBackup("cache", { groupId: "uredis-demo01", backupName: "consumer-cache" }),
  ];
}

// The outputs' types, as a program that passes them on sees them.
export const statusOf = (b: tencentcloud.RedisBackup): pulumi.Output<string> => b.status;
export const filesOf = (b: alicloud.RedisBackup): pulumi.Output<string[]> => b.backupIds;
export const takenAt = (b: ucloud.RedisBackup): pulumi.Output<string | undefined> => b.backupTime;
export const armedAt = (f: tencentcloud.FinalBackup): pulumi.Output<string> => f.armedAt;
export const finalOf = (f: ucloud.FinalBackup): pulumi.Output<string> => f.groupId;

// The declarations API's types, as a program that reads backups.yaml uses them.
export const cloudOf = (d: Declaration): string => d.cloud;
export const idOf = (b: DeclaredBackup): pulumi.Output<string> => b.backupId;
export const describe = (e: DeclarationsError): string => e.problems.map((p: Problem) => p.field).join(", ");
`;

/**
 * The offline run: the README's own `offline.ts` (the first ts block after "This `offline.ts`"), so
 * the example users copy is the one compiled and run here.
 */
function offlineExample(): string {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const at = readme.indexOf("This `offline.ts`");
  const block = /```ts\n([\s\S]*?)```/.exec(readme.slice(Math.max(at, 0)));
  if (at < 0 || !block)
    throw new ConsumerFailure("README.md shows no offline.ts (This `offline.ts` ... ```ts)");
  return block[1];
}

/** A folder set out as `pulumi new typescript` sets one out, with @pulumi/pulumi at `pulumiVersion`. */
function makeProject(dir: string, pulumiVersion: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const write = (f: string, text: string) => fs.writeFileSync(path.join(dir, f), text);
  write("Pulumi.yaml", "name: consumer\nruntime: nodejs\ndescription: a consumer of pulumi-redis-backup\n");
  write(
    "package.json",
    JSON.stringify(
      {
        name: "consumer",
        main: "index.ts",
        devDependencies: {
          "@types/node": pkg.devDependencies["@types/node"],
          typescript: pkg.devDependencies.typescript,
        },
        dependencies: { "@pulumi/pulumi": pulumiVersion },
      },
      null,
      2,
    ),
  );
  write("tsconfig.json", JSON.stringify(TEMPLATE_TSCONFIG, null, 2));
  write("index.ts", PROGRAM);
  write("offline.ts", offlineExample());
}

/** The resolutions a consumer may use, each a tsconfig beside the template's. */
const RESOLUTIONS: Record<string, object> = {
  "tsconfig.node16.json": { module: "node16", moduleResolution: "node16" },
  "tsconfig.bundler.json": { module: "esnext", moduleResolution: "bundler" },
};

/** One @pulumi/pulumi in the project (the program's), of the version asked for: the package brings none of its own. */
function checkOnePulumi(dir: string, wanted: string): void {
  const version = (f: string) => JSON.parse(fs.readFileSync(f, "utf8")).version as string;
  const own = path.join(dir, "node_modules", "@pulumi", "pulumi", "package.json");
  const nested = path.join(
    dir,
    "node_modules",
    "pulumi-redis-backup",
    "node_modules",
    "@pulumi",
    "pulumi",
    "package.json",
  );
  check(
    !fs.existsSync(nested),
    `pulumi-redis-backup brought its own @pulumi/pulumi ${fs.existsSync(nested) ? version(nested) : ""}`,
  );
  check(
    wanted === "latest" || version(own) === wanted,
    `@pulumi/pulumi ${version(own)} installed, not ${wanted}`,
  );
  say(`  one @pulumi/pulumi, ${version(own)}`);
}

function typecheck(dir: string): void {
  const tsc = path.join(dir, "node_modules", "typescript", "bin", "tsc");
  const listed = run(process.execPath, [tsc, "--noEmit", "-p", ".", "--listFiles", "--pretty", "false"], dir);
  const reached = listed.split("\n").filter((f) => /node_modules\/(zod|yaml|commander)\//.test(f));
  check(
    reached.length === 0,
    `the public types reach ${reached.length} files of zod/yaml/commander:\n${reached.slice(0, 5).join("\n")}`,
  );
  for (const [file, options] of Object.entries(RESOLUTIONS)) {
    const config = {
      ...TEMPLATE_TSCONFIG,
      compilerOptions: { ...TEMPLATE_TSCONFIG.compilerOptions, ...options },
    };
    fs.writeFileSync(path.join(dir, file), JSON.stringify(config, null, 2));
    run(process.execPath, [tsc, "--noEmit", "-p", file], dir);
  }
}

/** The bins, then one backup per cloud through the host against the emulator. */
function exercise(dir: string): void {
  const bin = (name: string) => path.join(dir, "node_modules", ".bin", name);
  const version = run(bin("redis-backup-emulator"), ["--version"], dir).trim();
  check(version === pkg.version, `redis-backup-emulator --version printed ${version}, not ${pkg.version}`);
  const help = run(bin("pulumi-redis-backup"), ["--help"], dir);
  check(
    /validate/.test(help) && /drift/.test(help),
    `pulumi-redis-backup --help lists no validate/drift:\n${help}`,
  );

  const tsc = path.join(dir, "node_modules", "typescript", "bin", "tsc");
  run(process.execPath, [tsc, "-p", "."], dir);
  const out = run(process.execPath, [path.join(dir, "bin", "offline.js")], dir)
    .trim()
    .split("\n");
  // `orders crs-demo0001:<id>: created available, read available, deleted true`, one line per backup.
  const backups = out.map((line) => {
    const m = /^(\S+) (\S+): created (\S+), read (\S+), deleted (true|false)$/.exec(line);
    if (!m) throw new ConsumerFailure(`offline.js printed a line the README does not show: ${line}`);
    return { name: m[1], id: m[2], created: m[3], read: m[4], deleted: m[5] === "true" };
  });
  const names = backups.map((b) => b.name).join(", ");
  check(
    names === "orders, catalog, cache",
    `the run reported ${names || "nothing"}, not orders, catalog, cache`,
  );
  for (const b of backups) {
    check(b.created === "available", `${b.name} ${b.id}: created ${b.created}, not available`);
    check(b.read === "available", `${b.name} ${b.id}: read ${b.read}, not available`);
    check(b.deleted, `${b.name} ${b.id}: not deleted`);
  }
  say(out.map((l) => `  ${l}`).join("\n"));
}

/**
 * The plugin project inside the installed package (what `pulumi package add
 * node_modules/pulumi-redis-backup/plugin` and `pulumi up` install and run): `npm install` there
 * (its `file:..` link makes npm run the package's `prepare`, which must find the package built and
 * do nothing), then the plugin's entry point resolves and loads from it.
 */
function checkInstalledPlugin(dir: string, env: NodeJS.ProcessEnv): void {
  const plugin = path.join(dir, "node_modules", "pulumi-redis-backup", "plugin");
  run("npm", ["install", "--prefer-offline"], plugin, env);
  const loaded = run(
    process.execPath,
    ["-e", 'require("pulumi-redis-backup/internal/native"); console.log("loaded")'],
    plugin,
  );
  check(loaded.trim() === "loaded", `the installed plugin project does not load its provider: ${loaded}`);
  say("  the plugin project installs and loads the provider");
}

/** What the tarball holds: no source maps, the LICENSE, and every file the README links outside Development. */
function checkTarball(tarball: string, work: string): void {
  const listing = run("tar", ["-tzf", tarball], work)
    .split("\n")
    .filter(Boolean)
    .map((f) => f.replace(/^package\//, ""));
  const maps = listing.filter((f) => f.endsWith(".map"));
  check(maps.length === 0, `the tarball ships ${maps.length} source maps, e.g. ${maps[0]}`);
  check(listing.includes("LICENSE"), "the tarball has no LICENSE");
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const userPart = readme.split(/^## Development$/m)[0];
  const links = [...userPart.matchAll(/\]\((?!https?:|#)([^)#\s]+)/g)].map((m) => m[1]);
  const missing = links.filter(
    (l) => !listing.some((f) => f === l || f.startsWith(`${l.replace(/\/$/, "")}/`)),
  );
  check(missing.length === 0, `the packed README links to files not in the package: ${missing.join(", ")}`);
  say(`  ${listing.length} files; ${links.length} relative links, all in the package`);
}

function main(): void {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-redis-backup-consumer-"));
  say(`consumer projects in ${work}`);
  try {
    const npmEnv = {
      npm_config_audit: "false",
      npm_config_fund: "false",
      npm_config_update_notifier: "false",
    };
    if (only !== "git") {
      say("== from a packed tarball, with the lowest @pulumi/pulumi of the peer range");
      const packed = run("npm", ["pack", "--silent", "--pack-destination", work], ROOT, npmEnv)
        .trim()
        .split("\n");
      const tarball = path.join(work, packed[packed.length - 1]);
      checkTarball(tarball, work);
      const dir = path.join(work, "tarball");
      makeProject(dir, LOWEST_PULUMI);
      run("npm", ["install", "--prefer-offline", tarball], dir, npmEnv);
      checkOnePulumi(dir, LOWEST_PULUMI);
      typecheck(dir);
      exercise(dir);
      checkInstalledPlugin(dir, npmEnv);
    }
    if (only !== "tarball") {
      say("== from a git URL (the committed HEAD), with the newest @pulumi/pulumi on the registry");
      const head = run("git", ["rev-parse", "HEAD"], ROOT).trim();
      const dir = path.join(work, "git");
      makeProject(dir, "latest");
      run("npm", ["install", "--prefer-offline", `git+file://${ROOT}#${head}`], dir, npmEnv);
      checkOnePulumi(dir, "latest");
      typecheck(dir);
      exercise(dir);
      checkInstalledPlugin(dir, npmEnv);
    }
    say("consumer: every install, type check and run held");
  } finally {
    if (keep) say(`kept ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}

try {
  main();
} catch (e) {
  process.stderr.write(`consumer: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
