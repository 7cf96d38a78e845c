/**
 * Tencent's backup download restriction: one per region (ModifyBackupDownloadRestriction), or one
 * a DescribeBackupUrl call names for its own URLs. The docs say what each LimitType allows, not how
 * a refusal looks; the emulator's reading (emulator/README.md):
 *
 * - NoLimit: both URLs work from anywhere.
 * - LimitOnlyIntranet: the public URL (DownloadUrl) is refused; the intranet one works.
 * - Customize: the public URL is refused; the intranet one works when the instance's VPC is in
 *   LimitVpc (VpcComparisonSymbol In) and the requester's address is In (or NotIn) LimitIp (an
 *   empty LimitIp allows every address).
 */
import type { FileNetwork, FileRequester } from "../files/store";

/** The restriction's fields, in the API's words. */
export interface DownloadRestriction {
  LimitType: "NoLimit" | "LimitOnlyIntranet" | "Customize";
  VpcComparisonSymbol: "In";
  IpComparisonSymbol: "In" | "NotIn";
  LimitVpc: { Region: string; VpcList: string[] }[];
  LimitIp: string[];
}

/** What DescribeBackupDownloadRestriction says of a region nobody restricted (our guess). */
export const NO_RESTRICTION: DownloadRestriction = Object.freeze({
  LimitType: "NoLimit",
  VpcComparisonSymbol: "In",
  IpComparisonSymbol: "In",
  LimitVpc: [],
  LimitIp: [],
}) as DownloadRestriction;

/** The LimitType values the docs list; any other is InvalidParameterValue. */
export const LIMIT_TYPES = ["NoLimit", "LimitOnlyIntranet", "Customize"] as const;

/** `::ffff:127.0.0.1` as the address it is. */
const plainAddress = (a: string) => a.replace(/^::ffff:/, "");

/**
 * Why a URL of `network` for an instance in `vpcId` of `region`, under `r`, is refused to
 * `requester`; undefined when it is not.
 */
export function restrictionRefusal(
  r: DownloadRestriction,
  network: FileNetwork,
  where: { region: string; vpcId: string },
  requester: FileRequester,
): string | undefined {
  if (r.LimitType === "NoLimit") return undefined;
  if (network === "public") {
    return r.LimitType === "LimitOnlyIntranet"
      ? "Download restriction LimitOnlyIntranet: this backup can be downloaded only over Tencent Cloud's private network; use the intranet URL (InnerDownloadUrl) from inside the instance's VPC."
      : "Download restriction Customize: this backup can be downloaded only from the VPCs and addresses the restriction lists; use the intranet URL (InnerDownloadUrl) from one of them.";
  }
  if (r.LimitType === "LimitOnlyIntranet") return undefined;
  const vpcs = r.LimitVpc.filter((v) => v.Region === where.region).flatMap((v) => v.VpcList);
  if (!vpcs.includes(where.vpcId)) {
    return `Download restriction Customize: VPC ${where.vpcId} is not in LimitVpc for ${where.region}.`;
  }
  if (r.LimitIp.length > 0) {
    const listed = r.LimitIp.includes(plainAddress(requester.remoteAddress));
    if (listed !== (r.IpComparisonSymbol === "In")) {
      return `Download restriction Customize: address ${plainAddress(requester.remoteAddress)} is ${listed ? "in" : "not in"} LimitIp (IpComparisonSymbol ${r.IpComparisonSymbol}).`;
    }
  }
  return undefined;
}
