/** The restriction parameters ModifyBackupDownloadRestriction and DescribeBackupUrl share, checked. */
import { TencentErrors } from "../errors";
import { DownloadRestriction, LIMIT_TYPES } from "../downloadRestriction";
import type { ParamSchema } from "../params";

/** Their gateway types (LimitType is required by Modify only). */
export const RESTRICTION_PARAMS: ParamSchema = {
  LimitType: { type: "string" },
  VpcComparisonSymbol: { type: "string" },
  IpComparisonSymbol: { type: "string" },
  LimitVpc: { type: "objectArray" },
  LimitIp: { type: "stringArray" },
};

/** The restriction `params` name, its values checked as the docs list them. */
export function restrictionOf(params: Record<string, unknown>): DownloadRestriction {
  const limitType = params.LimitType as string;
  if (!(LIMIT_TYPES as readonly string[]).includes(limitType)) {
    throw TencentErrors.invalidParameterValue("LimitType", limitType, `one of ${LIMIT_TYPES.join(", ")}`);
  }
  const vpcSymbol = (params.VpcComparisonSymbol as string | undefined) ?? "In";
  if (vpcSymbol !== "In")
    throw TencentErrors.invalidParameterValue("VpcComparisonSymbol", vpcSymbol, "only In");
  const ipSymbol = (params.IpComparisonSymbol as string | undefined) ?? "In";
  if (ipSymbol !== "In" && ipSymbol !== "NotIn") {
    throw TencentErrors.invalidParameterValue("IpComparisonSymbol", ipSymbol, "In or NotIn");
  }
  const limitVpc = ((params.LimitVpc as Record<string, unknown>[] | undefined) ?? []).map((v, i) => {
    const ok =
      typeof v.Region === "string" &&
      Array.isArray(v.VpcList) &&
      v.VpcList.every((x: unknown) => typeof x === "string");
    if (!ok) throw TencentErrors.invalidParameterValue(`LimitVpc.${i}`, v, "{Region, VpcList[]}");
    return { Region: v.Region as string, VpcList: [...(v.VpcList as string[])] };
  });
  const limitIp = [...((params.LimitIp as string[] | undefined) ?? [])];
  if (limitType === "Customize" && limitVpc.length === 0) {
    throw TencentErrors.invalidParameterValue("LimitVpc", [], "LimitType Customize needs LimitVpc");
  }
  // Only Customize keeps lists (the docs show them "when LimitType is Customize").
  const custom = limitType === "Customize";
  return {
    LimitType: limitType as DownloadRestriction["LimitType"],
    VpcComparisonSymbol: "In",
    IpComparisonSymbol: ipSymbol,
    LimitVpc: custom ? limitVpc : [],
    LimitIp: custom ? limitIp : [],
  };
}
