/**
 * `pulumi-redis-backup/host`: run a program's backups through Pulumi's own dynamic-provider host
 * (the process `pulumi up` starts for dynamic resources), without a Pulumi CLI: against the
 * emulator in a test, or to try a program offline.
 *
 * @example
 *   import { startEmulator, emulatorEnvironment } from "pulumi-redis-backup/emulator";
 *   import { runBackupsThroughHost } from "pulumi-redis-backup/host";
 *   const emulator = await startEmulator();
 *   const { backups } = await runBackupsThroughHost(() => [new tencentcloud.RedisBackup("b", { instanceId: "crs-demo0001" })],
 *     { env: emulatorEnvironment(emulator.url) });
 */
export { runBackupsThroughHost } from "./runBackups";
export type { BackupRun, HostRun, HostRunOptions, ProgramResources } from "./runBackups";
export { DIFF, UNKNOWN, requests, serializedProviderOf, startDynamicHost } from "../emulator/dynamicHost";
export type { DynamicHost } from "../emulator/dynamicHost";
