/**
 * The declarations file's types as users see them, written out by hand: the package's public
 * type surface must not reach zod, yaml or commander (their declarations do not compile under
 * Pulumi's template tsconfig, which has neither `esModuleInterop` nor `skipLibCheck`). schema.ts
 * checks at compile time that these agree with what the zod schemas produce.
 */
import type * as alicloud from "../alicloud";
import type * as tencentcloud from "../tencentcloud";
import type * as ucloud from "../ucloud";

/** A cloud's name: `tencentcloud`, `alicloud` or `ucloud`. */
export type Cloud = "tencentcloud" | "alicloud" | "ucloud";

/** The fields every cloud's entry takes alike. */
export interface SteeringDeclaration {
  /** Keep an expired backup in the stack instead of taking a fresh one. */
  keepExpired?: boolean;
  /** How long create may wait, in minutes (at most 1440). */
  waitTimeoutMinutes?: number;
  /** Values whose change takes a fresh backup, e.g. `[v7]`. */
  triggers?: (string | number | boolean)[];
  /** A FinalBackup: taken when this entry (or the stack) is destroyed. */
  final?: boolean;
  /** With `final: true`: the destroy takes none. */
  skip?: boolean;
}

/** A Tencent Cloud entry of `backups.yaml`. */
export interface TencentDeclaration extends SteeringDeclaration {
  cloud: "tencentcloud";
  /** e.g. `crs-xjhsdj01`. */
  instance: string;
  remark?: string;
  /** 0–1825 (→ storageDays). */
  retentionDays?: number;
  region?: string;
  backupId?: string;
  backupName?: undefined;
  zone?: undefined;
  projectId?: undefined;
}

/** An Alibaba Cloud entry of `backups.yaml`. */
export interface AlicloudDeclaration extends SteeringDeclaration {
  cloud: "alicloud";
  /** e.g. `r-bp1zxszhcgatnx`. */
  instance: string;
  /** 7–730, or -1 to keep the backup as long as the instance. */
  retentionDays?: number;
  region?: string;
  backupId?: string;
  remark?: undefined;
  backupName?: undefined;
  zone?: undefined;
  projectId?: undefined;
}

/** A UCloud entry of `backups.yaml`. */
export interface UCloudDeclaration extends SteeringDeclaration {
  cloud: "ucloud";
  /** The URedis group, e.g. `uredis-2cwmyb`. */
  instance: string;
  backupName?: string;
  region?: string;
  zone?: string;
  projectId?: string;
  backupId?: string;
  retentionDays?: undefined;
  remark?: undefined;
}

/** An entry of `backups.yaml`, whichever its cloud. */
export type Declaration = TencentDeclaration | AlicloudDeclaration | UCloudDeclaration;

/** A declarations file: backup name → declaration. */
export type Declarations = Record<string, Declaration>;

/** A RedisBackup of any cloud: what `declareBackups` returns for each entry. */
export type DeclaredBackup = tencentcloud.RedisBackup | alicloud.RedisBackup | ucloud.RedisBackup;

/** One thing wrong with a declarations file. Lines and columns count from 1. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  /** `orders.retentionDays`; `yaml` for a syntax error; `(file)` for the file as a whole. */
  field: string;
  message: string;
}
