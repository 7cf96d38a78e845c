/**
 * A create run again after an interrupted one of the same resource generation adopts what the
 * interrupted attempt made, where its marker says so unambiguously (Tencent's Remark, UCloud's
 * name), and says so; a create of another generation, or of inputs without one, takes its own.
 * The interrupted attempt is the provider's own create, whose answer the engine never recorded.
 */
import { firstGeneration, nextGeneration } from "../../provider/core/generation";
import * as tencent from "../../provider/tencentcloud/operations";
import * as ucloud from "../../provider/ucloud/operations";
import { emulatorDeps, pointTencentAt, pointUCloudAt } from "../helpers/cloudEnv";
import { useEmulator } from "../helpers/emulator";

const handle = useEmulator({ taskSeconds: 0, rateLimitPerSecond: 0 });
const creates = (action: string) => handle.emulator.admin.stats().requestsByAction[action] ?? 0;

beforeAll(() => {
  pointTencentAt(handle.emulator);
  pointUCloudAt(handle.emulator);
});

describe.each([
  {
    cloud: "tencentcloud",
    action: "ManualBackupInstance",
    inputs: { instanceId: "crs-demo0001", remark: "nightly" },
    create: tencent.create,
  },
  {
    cloud: "ucloud",
    action: "CreateURedisBackup",
    inputs: { groupId: "uredis-demo01", backupName: "nightly" },
    create: ucloud.create,
  },
])("$cloud", ({ action, inputs, create }) => {
  const generation = firstGeneration(`shop/dev/${action}`);

  it("adopts the backup an interrupted create of the same generation made, instead of taking another", async () => {
    const interrupted = await create(
      { ...inputs, __generation: generation } as never,
      emulatorDeps(handle.emulator),
    );
    const before = creates(action);
    const deps = emulatorDeps(handle.emulator);
    const again = await create({ ...inputs, __generation: generation } as never, deps);
    expect(creates(action)).toBe(before);
    expect(again.id).toBe(interrupted.id);
    expect(again.outs).toMatchObject({ __generation: generation, adopted: false });
    expect(deps.logs).toContainEqual(
      expect.stringMatching(
        /carries this resource's marker.*: an interrupted `pulumi up` took it; adopting it instead of taking another$/,
      ),
    );
  });

  it("takes a backup of its own under the next generation (a replacement), and without a generation", async () => {
    const before = creates(action);
    const next = await create(
      { ...inputs, __generation: nextGeneration(generation) } as never,
      emulatorDeps(handle.emulator),
    );
    const plain = await create(inputs as never, emulatorDeps(handle.emulator));
    expect(creates(action)).toBe(before + 2);
    expect(new Set([next.id, plain.id]).size).toBe(2);
    expect(plain.outs).not.toHaveProperty("__generation");
  });
});
