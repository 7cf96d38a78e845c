/**
 * DescribeBackupDownloadRestriction and ModifyBackupDownloadRestriction: the region's download
 * restriction, read and replaced whole. The URLs handed out before a change keep the restriction
 * they were issued under (our reading: DescribeBackupUrl applies a restriction when it answers).
 */
import type { TencentAction } from "./action";
import { RESTRICTION_PARAMS, restrictionOf } from "./restrictionParams";

/** The DescribeBackupDownloadRestriction action: the request region's restriction (NoLimit until set). */
export const describeBackupDownloadRestriction: TencentAction = {
  name: "DescribeBackupDownloadRestriction",
  params: {},
  run(ctx) {
    const r = ctx.state.downloadRestriction(ctx.region);
    return {
      LimitType: r.LimitType,
      VpcComparisonSymbol: r.VpcComparisonSymbol,
      IpComparisonSymbol: r.IpComparisonSymbol,
      LimitVpc: r.LimitVpc.map((v) => ({ Region: v.Region, VpcList: [...v.VpcList] })),
      LimitIp: [...r.LimitIp],
    };
  },
};

/** The ModifyBackupDownloadRestriction action: replaces the request region's restriction whole. */
export const modifyBackupDownloadRestriction: TencentAction = {
  name: "ModifyBackupDownloadRestriction",
  params: { ...RESTRICTION_PARAMS, LimitType: { type: "string", required: true } },
  run(ctx, params) {
    ctx.state.setDownloadRestriction(ctx.region, restrictionOf(params));
    return {};
  },
};
