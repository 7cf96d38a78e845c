/**
 * `npm run emulator` (the built CLI, as a separate process) serves a request signed by an
 * independent TC3 implementation: the official tencentcloud-sdk-nodejs, unmodified.
 */
import { ChildProcess, spawn } from "child_process";
import { resolve } from "path";
import * as tencentcloud from "tencentcloud-sdk-nodejs";
import { DEFAULT_TENCENT_CREDENTIALS } from "../../emulator";

let child: ChildProcess;
let url: string;

beforeAll(async () => {
  child = spawn(process.execPath, ["dist/emulator/cli.js", "--port", "0"], {
    cwd: resolve(__dirname, "../.."),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  url = await new Promise<string>((ok, fail) => {
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) ok(m[1]);
    });
    child.on("exit", (code) => fail(new Error(`emulator exited ${code}: ${out}`)));
  });
});
afterAll(() => {
  child.removeAllListeners("exit");
  child.kill("SIGTERM");
});

it("lists the demo instance's seeded backup for the official SDK", async () => {
  const client = new tencentcloud.redis.v20180412.Client({
    credential: DEFAULT_TENCENT_CREDENTIALS,
    region: "ap-guangzhou",
    profile: { httpProfile: { protocol: "http://", proxy: url } },
  });
  const r = await client.DescribeInstanceBackups({ InstanceId: "crs-demo0001", Limit: 10 });
  expect(r.TotalCount).toBeGreaterThanOrEqual(1);
  expect(r.BackupSet?.[0]).toMatchObject({ InstanceId: "crs-demo0001", Status: 2 });
});
