/**
 * What a Tencent emulator starts with: instances (optionally with existing backups) and the API
 * keys it accepts. Seeds come from code, from emulator/data/instances.json, from `--data`, or from
 * the `addInstance` admin operation, and are validated with one schema whatever the source.
 */
import { z } from "zod";
import type { Agree } from "../../provider/core/agree";
import { parseOrThrow } from "../records";

/** Regions of Tencent Cloud that serve Redis (as listed by the API docs); seeded regions are added. */
export const TENCENT_REGIONS: readonly string[] = [
  "ap-guangzhou",
  "ap-shanghai",
  "ap-nanjing",
  "ap-beijing",
  "ap-chengdu",
  "ap-chongqing",
  "ap-hongkong",
  "ap-taipei",
  "ap-singapore",
  "ap-jakarta",
  "ap-bangkok",
  "ap-seoul",
  "ap-tokyo",
  "ap-mumbai",
  "na-siliconvalley",
  "na-ashburn",
  "na-toronto",
  "sa-saopaulo",
  "eu-frankfurt",
  "ap-shanghai-fsi",
  "ap-shenzhen-fsi",
  "ap-beijing-fsi",
];

/** The region demo instances live in and the CLI tells users to export. */
export const DEMO_REGION = "ap-guangzhou";

/** A backup that already exists when the emulator starts (e.g. last night's automatic one). */
const backupSeedSchema = z.strictObject({
  backupId: z.string().min(1).optional(),
  remark: z.string().optional(),
  /** As RedisBackupSet documents it: "0" manual (user), "1" automatic (nightly), "2" config change. */
  backupType: z.enum(["0", "1", "2"]).optional(),
  /** How long before the emulator started the backup began (world clock). */
  startedHoursAgo: z.number().min(0),
  storageDays: z.number().int().min(1).max(1825).optional(),
  locked: z.boolean().optional(),
});
/** A backup that exists when the emulator starts. */
export interface BackupSeed {
  backupId?: string;
  remark?: string;
  /** "0" manual (user), "1" automatic (nightly), "2" config change. */
  backupType?: "0" | "1" | "2";
  /** How long before the emulator started the backup began (world clock). */
  startedHoursAgo: number;
  storageDays?: number;
  locked?: boolean;
}

/** A Redis instance the emulator knows. Only `instanceId` is required. */
const instanceSeedSchema = z.strictObject({
  instanceId: z.string().regex(/^crs-[a-z0-9]+$/, "instanceId must look like crs-xxxxxxxx"),
  instanceName: z.string().optional(),
  /** Default ap-guangzhou. */
  region: z.string().min(1).optional(),
  /** Tencent type id, e.g. 8 = Redis 5.0 standard, 9 = Redis 5.0 cluster; default from shardNum. */
  instanceType: z.number().int().optional(),
  /** Memory per shard in MB; default 1024. */
  memSizeMb: z.number().int().positive().optional(),
  /** Default 1 (standard architecture). */
  shardNum: z.number().int().positive().optional(),
  /** Default 1. */
  replicasNum: z.number().int().min(0).optional(),
  /** online (default), isolated (expired, in the recycle bin) or deleted (recycled). */
  status: z.enum(["online", "isolated", "deleted"]).optional(),
  /** Locked by another process: ManualBackupInstance answers ResourceUnavailable.InstanceLockedError. */
  locked: z.boolean().optional(),
  /** Automatic-backup retention, used when ManualBackupInstance omits StorageDays; default 7. */
  backupRetentionDays: z.number().int().min(1).max(1825).optional(),
  /** The VPC the instance is in; its intranet download URLs count as fetched from there. Default vpc-emulator. */
  vpcId: z
    .string()
    .regex(/^vpc-[a-z0-9]+$/, "vpcId must look like vpc-xxxxxxxx")
    .optional(),
  backups: z.array(backupSeedSchema).optional(),
});
/** A Redis instance the emulator knows (see the schema above for each field's default). */
export interface InstanceSeed {
  instanceId: string;
  instanceName?: string;
  region?: string;
  instanceType?: number;
  memSizeMb?: number;
  shardNum?: number;
  replicasNum?: number;
  status?: "online" | "isolated" | "deleted";
  locked?: boolean;
  backupRetentionDays?: number;
  /** The VPC the instance is in; its intranet download URLs count as fetched from there. */
  vpcId?: string;
  backups?: BackupSeed[];
}

/** An API key pair the emulator accepts; with `token`, requests must carry that X-TC-Token. */
const credentialSchema = z.strictObject({
  secretId: z.string().min(1),
  secretKey: z.string().min(1),
  token: z.string().min(1).optional(),
});
/** An API key pair the emulator accepts; with `token`, requests must carry that X-TC-Token. */
export interface TencentCredential {
  secretId: string;
  secretKey: string;
  token?: string;
}

/** The file format of emulator/data/instances.json and `--data`. */
const emulatorDataSchema = z.strictObject({
  instances: z.array(instanceSeedSchema),
  credentials: z.array(credentialSchema).optional(),
});
/** The file format of emulator/data/instances.json and `--data`. */
export interface EmulatorData {
  instances: InstanceSeed[];
  credentials?: TencentCredential[];
}

/** Emulator-only keys (they open nothing anywhere else, so printing them is fine). */
export const DEFAULT_TENCENT_CREDENTIALS: Readonly<TencentCredential> = Object.freeze({
  secretId: "AKIDEMULATOR00000000000000000000EXAMPLE",
  secretKey: "EmulatorSecretKey000000000000EXAMPLE",
});

/** Ids of the demo instances. */
export const DEMO_INSTANCE_IDS = ["crs-demo0001", "crs-demo0002"] as const;

/**
 * The demo instances, identical to emulator/data/instances.json (a test keeps them in step):
 * a standard instance with last night's automatic backup, and a 3-shard cluster.
 */
export const DEMO_INSTANCES: readonly InstanceSeed[] = [
  {
    instanceId: "crs-demo0001",
    instanceName: "demo-standard",
    region: DEMO_REGION,
    instanceType: 8,
    memSizeMb: 1024,
    shardNum: 1,
    replicasNum: 1,
    backups: [{ remark: "", backupType: "1", startedHoursAgo: 6 }],
  },
  {
    instanceId: "crs-demo0002",
    instanceName: "demo-cluster",
    region: DEMO_REGION,
    instanceType: 9,
    memSizeMb: 2048,
    shardNum: 3,
    replicasNum: 1,
  },
];

/** Validates seed data from any source; the error names the offending path. */
export function parseInstanceSeed(value: unknown): InstanceSeed {
  return parseOrThrow(instanceSeedSchema, value, "instance seed");
}

/** Validates Tencent's part of a `--data` file (a bare array: its instances); a TypeError names the paths. */
export function parseEmulatorData(value: unknown): EmulatorData {
  // A bare array is accepted as a list of instances.
  return parseOrThrow(
    emulatorDataSchema,
    Array.isArray(value) ? { instances: value } : value,
    "emulator data",
  );
}

/** Validates an API key pair from any source; the TypeError names every offending path. */
export function parseCredential(value: unknown): TencentCredential {
  return parseOrThrow(credentialSchema, value, "credential");
}

/** Compile-time proof that the types above say what the schemas take (see provider/core/agree.ts). */
const seedTypesAgree: [
  Agree<BackupSeed, z.infer<typeof backupSeedSchema>>,
  Agree<InstanceSeed, z.infer<typeof instanceSeedSchema>>,
  Agree<TencentCredential, z.infer<typeof credentialSchema>>,
  Agree<EmulatorData, z.infer<typeof emulatorDataSchema>>,
] = [true, true, true, true];
void seedTypesAgree;
