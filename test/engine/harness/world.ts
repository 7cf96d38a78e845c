/**
 * What exists in the emulated clouds, asked of the emulator itself (never of the provider), so
 * that the engine tests judge `pulumi up` by what it did, not by what it recorded.
 */
import type { Emulator } from "../../../emulator";

/** Ids of the backups each cloud holds now (Tencent: every backup not deleted, expired included). */
export function backupsInClouds(emulator: Emulator): {
  tencentcloud: string[];
  alicloud: string[];
  ucloud: string[];
} {
  return {
    tencentcloud: emulator.admin
      .backups()
      .filter((b) => b.status !== null && b.backupType === "0")
      .map((b) => b.backupId),
    alicloud: emulator.alicloud
      .backups()
      .filter((b) => b.listed && b.mode === "Manual")
      .map((b) => String(b.backupId)),
    ucloud: emulator.ucloud
      .backups()
      .filter((b) => !b.deleted && b.backupType === "Manual")
      .map((b) => b.backupId),
  };
}

/** Everything the CLI printed, stdout then stderr. */
export function printed(r: { stdout: string; stderr: string }): string {
  return `${r.stdout}\n${r.stderr}`;
}
