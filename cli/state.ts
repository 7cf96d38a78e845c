/**
 * The RedisBackups and FinalBackups of a Pulumi state export (`pulumi stack export`): what the stack recorded for
 * each backup, which `drift` hands to the cloud's `read` exactly as a `pulumi refresh` would.
 */
import { CLOUDS, Cloud } from "../provider/clouds";
import { UsageError } from "./io";

/** One RedisBackup (or FinalBackup) as the stack recorded it. */
export interface RecordedBackup {
  /** `backup` (a RedisBackup) or `final` (a FinalBackup: its backup is taken when it is deleted). */
  kind: "backup" | "final";
  /** The resource name: the last part of the URN, the key in the declarations file. */
  name: string;
  urn: string;
  cloud: Cloud;
  /** The resource id (`<instance>:<backup>`). */
  id: string;
  /** The recorded outputs (`status`, `backupId`, `expireTime`, the inputs, ...). */
  outputs: Record<string, unknown>;
}

const TYPE = /^pulumi-nodejs:dynamic\/([a-z]+):(RedisBackup|FinalBackup)$/;

/** The name in a URN: `urn:pulumi:dev::proj::<type chain>::<name>` (a name may hold `::` itself). */
export function nameOfUrn(urn: string): string {
  const parts = urn.split("::");
  return parts.length >= 4 ? parts.slice(3).join("::") : urn;
}

/** The JSON of a state export (`label` names it in the UsageError when it is not JSON). */
export function parseExportJson(text: string, label: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(
      `${label} is not JSON (${(e as Error).message}); make it with \`pulumi stack export\``,
    );
  }
}

/** The RedisBackups in a `pulumi stack export` document (`label` names it in messages). */
export function parseStateExport(text: string, label: string): RecordedBackup[] {
  const resources = resourcesOf(parseExportJson(text, label));
  if (!resources) {
    throw new UsageError(
      `${label} is not a Pulumi state export: expected {"version": 3, "deployment": {"resources": [...]}} as \`pulumi stack export\` writes it`,
    );
  }
  const found: RecordedBackup[] = [];
  for (const r of resources) {
    if (!r || typeof r !== "object") continue;
    const res = r as Record<string, unknown>;
    const match = typeof res.type === "string" ? TYPE.exec(res.type) : null;
    if (!match || !(CLOUDS as readonly string[]).includes(match[1])) continue;
    // A resource left over from a replacement whose delete has not happened yet is not the backup.
    if (res.delete === true) continue;
    const urn = typeof res.urn === "string" ? res.urn : "";
    const outputs = (res.outputs && typeof res.outputs === "object" ? res.outputs : {}) as Record<
      string,
      unknown
    >;
    if (typeof res.id !== "string" || res.id === "") continue;
    const kind = match[2] === "FinalBackup" ? "final" : "backup";
    found.push({ kind, name: nameOfUrn(urn), urn, cloud: match[1] as Cloud, id: res.id, outputs });
  }
  return found;
}

function resourcesOf(doc: unknown): unknown[] | undefined {
  if (!doc || typeof doc !== "object") return undefined;
  const d = doc as {
    deployment?: { resources?: unknown };
    resources?: unknown;
    checkpoint?: { latest?: { resources?: unknown } };
  };
  // A file backend's checkpoint (`.pulumi/history/<project>/<stack>/*.checkpoint.json`): the state
  // of one past update, which is how a stack there shows what it held before a destroy.
  if (d.checkpoint && typeof d.checkpoint === "object") {
    return Array.isArray(d.checkpoint.latest?.resources) ? d.checkpoint.latest.resources : [];
  }
  if (d.deployment && typeof d.deployment === "object") {
    // A stack that was never deployed exports a deployment without resources.
    return Array.isArray(d.deployment.resources) ? d.deployment.resources : [];
  }
  return Array.isArray(d.resources) ? d.resources : undefined;
}
