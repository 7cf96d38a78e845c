/**
 * What the Alibaba Cloud (R-KVStore) emulator starts with: instances (optionally with existing
 * backups) and the AccessKey pairs it accepts, validated with one schema whatever the source
 * (code, `startEmulator({ alicloud })`, or the `alicloud/addInstance` admin operation).
 */
import { z } from "zod";
import type { Agree } from "../../provider/core/agree";
import { parseOrThrow } from "../records";

/** The region the demo instances live in. */
export const ALICLOUD_DEMO_REGION = "cn-hangzhou";

/** Emulator-only AccessKey pair accepted by default. Not a real key. */
export const DEFAULT_ALICLOUD_CREDENTIALS = {
  accessKeyId: "LTAI5tEmulatorDemoKey01",
  accessKeySecret: "emulator-only-alicloud-secret-0001",
} as const;

/** A backup that already exists when the emulator starts (e.g. last night's automatic one). */
const alicloudBackupSeedSchema = z.strictObject({
  backupId: z.number().int().positive().optional(),
  /** The manual or automatic job that made it; default a new job id. */
  jobId: z.number().int().positive().optional(),
  /** Default Automated (the nightly backup of the instance's policy). */
  mode: z.enum(["Automated", "Manual"]).optional(),
  /** How long before the emulator started the backup began (world clock). */
  startedHoursAgo: z.number().min(0),
  /** 7–730, or -1 for the instance's lifetime; default the instance's backupRetentionDays. */
  retentionDays: z
    .number()
    .int()
    .refine((d) => d === -1 || (d >= 7 && d <= 730))
    .optional(),
});
/** A backup that exists when the emulator starts. */
export interface AlicloudBackupSeed {
  backupId?: number;
  jobId?: number;
  mode?: "Automated" | "Manual";
  /** How long before the emulator started the backup began (world clock). */
  startedHoursAgo: number;
  retentionDays?: number;
}

/** A Redis (Tair) instance the emulator knows. Only `instanceId` is required. */
const alicloudInstanceSeedSchema = z
  .strictObject({
    instanceId: z.string().regex(/^r-[a-z0-9]+$/, "instanceId must look like r-xxxxxxxx"),
    /** Default cn-hangzhou. */
    regionId: z
      .string()
      .regex(/^[a-z]+(-[a-z0-9]+)+$/)
      .optional(),
    /** standard (default) or cluster. */
    architecture: z.enum(["standard", "cluster"]).optional(),
    /** Data shards of a cluster; default 2 for a cluster, 1 otherwise. */
    shardCount: z.number().int().min(1).max(256).optional(),
    /**
     * A cloud-native instance (the only kind DeleteBackup works on) or a classic one. Default true
     * for standard instances, false for clusters. A cloud-native cluster's backups are listed by
     * DescribeClusterBackupList (a cluster backup `cb-...`, one backup per shard), not DescribeBackups.
     */
    cloudNative: z.boolean().optional(),
    /**
     * A cluster created before 2023-12-05: CreateBackup starts one job per node and answers their
     * ids comma-joined (e.g. "1022,2480"). Default false: one job for the whole instance.
     */
    perNodeJobs: z.boolean().optional(),
    /** Default "7.0" for cloud-native, "5.0" for classic instances. */
    engineVersion: z.string().optional(),
    /** Retention of the backup policy: a CreateBackup without BackupRetentionPeriod keeps its backup this long. Default 7. */
    backupRetentionDays: z.number().int().min(7).max(730).optional(),
    backups: z.array(alicloudBackupSeedSchema).optional(),
  })
  .refine((s) => !(s.perNodeJobs === true && s.architecture !== "cluster"), {
    message: "perNodeJobs needs architecture: cluster",
  })
  .refine((s) => !(s.perNodeJobs === true && s.cloudNative === true), {
    message:
      "perNodeJobs describes classic clusters created before 2023-12-05; cloud-native ones have one job",
  });
/** A Redis (Tair) instance the emulator knows (see the schema above for each field's default). */
export interface AlicloudInstanceSeed {
  instanceId: string;
  regionId?: string;
  architecture?: "standard" | "cluster";
  shardCount?: number;
  cloudNative?: boolean;
  perNodeJobs?: boolean;
  engineVersion?: string;
  backupRetentionDays?: number;
  backups?: AlicloudBackupSeed[];
}

/** An AccessKey pair the emulator accepts; with `securityToken`, requests must carry it (STS). */
const alicloudCredentialSchema = z.strictObject({
  accessKeyId: z.string().min(1),
  accessKeySecret: z.string().min(1),
  securityToken: z.string().min(1).optional(),
});
/** An AccessKey pair the emulator accepts; with `securityToken`, requests must carry it (STS). */
export interface AlicloudCredential {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

/** The demo world: a cloud-native standard instance, a classic cluster with per-node jobs, a classic standard one, a cloud-native cluster. */
export const ALICLOUD_DEMO_INSTANCES: readonly AlicloudInstanceSeed[] = [
  {
    instanceId: "r-demo0001",
    architecture: "standard",
    cloudNative: true,
    engineVersion: "7.0",
    backups: [{ startedHoursAgo: 20 }],
  },
  {
    instanceId: "r-demo0002",
    architecture: "cluster",
    shardCount: 2,
    cloudNative: false,
    perNodeJobs: true,
    engineVersion: "5.0",
  },
  {
    instanceId: "r-demo0003",
    architecture: "standard",
    cloudNative: false,
    engineVersion: "5.0",
  },
  {
    instanceId: "r-demo0004",
    architecture: "cluster",
    shardCount: 2,
    cloudNative: true,
    engineVersion: "7.0",
  },
];

/** Ids of the demo instances. */
export const ALICLOUD_DEMO_INSTANCE_IDS = ALICLOUD_DEMO_INSTANCES.map((i) => i.instanceId);

/** Validates an instance seed from any source; the TypeError names every offending path. */
export function parseAlicloudInstanceSeed(value: unknown): AlicloudInstanceSeed {
  return parseOrThrow(alicloudInstanceSeedSchema, value, "alicloud instance");
}

/** Validates an AccessKey pair from any source; the TypeError names every offending path. */
export function parseAlicloudCredential(value: unknown): AlicloudCredential {
  return parseOrThrow(alicloudCredentialSchema, value, "alicloud credential");
}

/** Compile-time proof that the types above say what the schemas take (see provider/core/agree.ts). */
const seedTypesAgree: [
  Agree<AlicloudBackupSeed, z.infer<typeof alicloudBackupSeedSchema>>,
  Agree<AlicloudInstanceSeed, z.input<typeof alicloudInstanceSeedSchema>>,
  Agree<AlicloudCredential, z.infer<typeof alicloudCredentialSchema>>,
] = [true, true, true];
void seedTypesAgree;
