/**
 * The shop's Redis backups, declared in backups.yaml next to this program: one RedisBackup per
 * entry, on its cloud, named by its key. Reviewers read the YAML in pull requests; CI checks it
 * with `pulumi-redis-backup validate` and watches it with `pulumi-redis-backup drift` (see ../ci).
 *
 * Run it with `pulumi up` from this directory (credentials and regions as in the README); a file
 * with problems stops the program before anything is declared, with every problem listed.
 */
import * as path from "path";
import { declareBackups } from "pulumi-redis-backup";

const backups = declareBackups(path.join(__dirname, "backups.yaml"));

/** Each backup's id and status, by name. */
export const declared = Object.fromEntries(
  Object.entries(backups).map(([name, backup]) => [
    name,
    { backupId: backup.backupId, status: backup.status },
  ]),
);
