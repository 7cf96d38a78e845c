/**
 * A RedisBackup's id is `<instance>:<key>`, where the key is the backup id — or, for an Alibaba
 * create whose job had made no backup yet, `job-<jobId>`. Every stack ever written holds ids of
 * this form: parse them forgivingly.
 */

/** What an id names: the instance, and the key after the first `:`. */
export interface ResourceKey {
  instance: string;
  key: string;
}

/** The id of the backup (or job) `key` of `instance`. */
export function resourceId(instance: string, key: string): string {
  return `${instance}:${key}`;
}

/** Splits an id; one without an instance part falls back to what was recorded. */
export function splitResourceId(id: string, recorded: { instance?: string; backupId?: string }): ResourceKey {
  const i = id.indexOf(":");
  if (i > 0) return { instance: id.slice(0, i), key: id.slice(i + 1) };
  return { instance: recorded.instance ?? "", key: recorded.backupId ?? id };
}
