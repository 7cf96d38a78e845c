/**
 * What the UCloud emulator starts with: URedis (master/replica) groups, optionally with existing
 * backups, and the API keys it accepts. Seeds come from code or from the `ucloud/addGroup` admin
 * operation, validated by one schema whatever the source.
 */
import { z } from "zod";
import type { Agree } from "../../provider/core/agree";
import { parseOrThrow } from "../records";

/** UCloud regions (docs.ucloud.cn "地域和可用区列表"); regions of seeded groups are added. */
export const UCLOUD_REGIONS: readonly string[] = [
  "cn-bj2",
  "cn-sh2",
  "cn-gd",
  "cn-wlcb",
  "hk",
  "tw-tp",
  "sg",
  "idn-jakarta",
  "th-bkk",
  "vn-sng",
  "kr-seoul",
  "jpn-tky",
  "us-ca",
  "us-ws",
  "ge-fra",
  "uk-london",
  "uae-dubai",
];

/** Where the demo groups live, and what the CLI tells users to export. */
export const UCLOUD_DEMO_REGION = "cn-bj2";
/** The zone of the first demo group (the second's is cn-bj2-05), as DeleteURedisBackup's Zone names it. */
export const UCLOUD_DEMO_ZONE = "cn-bj2-04";

/** A backup that already exists when the emulator starts (e.g. last night's automatic one). */
const uredisBackupSeedSchema = z.strictObject({
  backupId: z.string().min(1).optional(),
  backupName: z.string().min(1),
  /** URedisBackupSet.BackupType: `Manual` or `Auto`; default Auto. */
  backupType: z.enum(["Manual", "Auto"]).optional(),
  /** How long before the emulator started the backup was taken (world clock). */
  takenHoursAgo: z.number().min(0),
  /** True for a backup that ended in State Error. */
  failed: z.boolean().optional(),
});
/** A backup that exists when the emulator starts. */
export interface URedisBackupSeed {
  backupId?: string;
  backupName: string;
  backupType?: "Manual" | "Auto";
  /** How long before the emulator started the backup was taken (world clock). */
  takenHoursAgo: number;
  failed?: boolean;
}

/** A URedis group the emulator knows. Only `groupId` is required. */
const uredisGroupSeedSchema = z.strictObject({
  groupId: z.string().regex(/^uredis-[a-z0-9]+$/, "groupId must look like uredis-xxxxxx"),
  name: z.string().optional(),
  /** Default cn-bj2. */
  region: z.string().min(1).optional(),
  /** Default cn-bj2-04. */
  zone: z.string().min(1).optional(),
  /** When set, requests naming another ProjectId do not see the group. */
  projectId: z.string().min(1).optional(),
  /** Capacity in GB, as URedisGroupSet's Size; default 1. */
  memorySizeGb: z.number().int().positive().optional(),
  /** Default "6.0". */
  redisVersion: z.string().min(1).optional(),
  backups: z.array(uredisBackupSeedSchema).optional(),
});
/** A URedis group the emulator knows (see the schema above for each field's default). */
export interface URedisGroupSeed {
  groupId: string;
  name?: string;
  region?: string;
  zone?: string;
  projectId?: string;
  memorySizeGb?: number;
  redisVersion?: string;
  backups?: URedisBackupSeed[];
}

/** An API key pair the emulator accepts; with `securityToken` (STS), requests must carry it. */
const ucloudCredentialSchema = z.strictObject({
  publicKey: z.string().min(1),
  privateKey: z.string().min(1),
  securityToken: z.string().min(1).optional(),
});
/** An API key pair the emulator accepts; with `securityToken` (STS), requests must carry it. */
export interface UCloudEmulatorCredential {
  publicKey: string;
  privateKey: string;
  securityToken?: string;
}

/** Emulator-only keys (they open nothing anywhere else, so printing them is fine). */
export const DEFAULT_UCLOUD_CREDENTIALS: Readonly<UCloudEmulatorCredential> = Object.freeze({
  publicKey: "emulator-public-key@example.com0000000000000000000",
  privateKey: "emulatorprivatekey0000000000000000000000",
});

/** Ids of the demo groups. */
export const UCLOUD_DEMO_GROUP_IDS = ["uredis-demo01", "uredis-demo02"] as const;

/** The demo groups: one with last night's automatic backup, one in another zone of the region. */
export const UCLOUD_DEMO_GROUPS: readonly URedisGroupSeed[] = [
  {
    groupId: "uredis-demo01",
    name: "demo-orders",
    region: UCLOUD_DEMO_REGION,
    zone: UCLOUD_DEMO_ZONE,
    memorySizeGb: 1,
    redisVersion: "6.0",
    backups: [{ backupName: "auto_backup_nightly", backupType: "Auto", takenHoursAgo: 6 }],
  },
  {
    groupId: "uredis-demo02",
    name: "demo-sessions",
    region: UCLOUD_DEMO_REGION,
    zone: "cn-bj2-05",
    memorySizeGb: 2,
    redisVersion: "5.0",
  },
];

/** Validates a group seed from any source; the TypeError names every offending path. */
export function parseURedisGroupSeed(value: unknown): URedisGroupSeed {
  return parseOrThrow(uredisGroupSeedSchema, value, "URedis group seed");
}

/** Validates a key pair from any source; the TypeError names every offending path. */
export function parseUCloudCredential(value: unknown): UCloudEmulatorCredential {
  return parseOrThrow(ucloudCredentialSchema, value, "UCloud credential");
}

/** Compile-time proof that the types above say what the schemas take (see provider/core/agree.ts). */
const seedTypesAgree: [
  Agree<URedisBackupSeed, z.infer<typeof uredisBackupSeedSchema>>,
  Agree<URedisGroupSeed, z.infer<typeof uredisGroupSeedSchema>>,
  Agree<UCloudEmulatorCredential, z.infer<typeof ucloudCredentialSchema>>,
] = [true, true, true];
void seedTypesAgree;
