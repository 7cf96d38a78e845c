/** Inputs of tencentcloud.BackupDownloadRestriction, as a zod schema whose messages a person can act on. */
import { z } from "zod";
import { TencentBackupInputsSchema } from "./inputs";

/** The LimitType values Tencent documents. */
export const LIMIT_TYPES = ["NoLimit", "LimitOnlyIntranet", "Customize"] as const;

/** The inputs of tencentcloud.BackupDownloadRestriction; `check` validates with it. */
export const RestrictionInputsSchema = z
  .object({
    limitType: z.enum(LIMIT_TYPES, {
      error: "limitType is required: NoLimit, LimitOnlyIntranet (only the intranet URL works) or Customize",
    }),
    vpcComparisonSymbol: z
      .literal("In", { error: "vpcComparisonSymbol can only be In (Tencent's rule)" })
      .optional(),
    ipComparisonSymbol: z
      .enum(["In", "NotIn"], { error: "ipComparisonSymbol must be In or NotIn" })
      .optional(),
    limitVpcs: z
      .array(
        z.object({
          region: z.string({ error: "limitVpcs[].region must be a region like ap-guangzhou" }),
          vpcList: z.array(
            z.string().regex(/^vpc-[A-Za-z0-9]+$/, { error: "a VPC id looks like vpc-pu8wqojl" }),
          ),
        }),
      )
      .optional(),
    limitIps: z.array(z.string({ error: "limitIps must be IP addresses" })).optional(),
    region: TencentBackupInputsSchema.shape.region,
  })
  .superRefine((r, ctx) => {
    if (r.limitType === "Customize" && !(r.limitVpcs ?? []).some((v) => v.vpcList.length > 0)) {
      ctx.addIssue({
        code: "custom",
        path: ["limitVpcs"],
        message: "limitType Customize needs at least one VPC in limitVpcs",
      });
    }
    if (r.limitType !== "Customize") {
      for (const key of ["limitVpcs", "limitIps"] as const) {
        if ((r[key] ?? []).length > 0) {
          ctx.addIssue({
            code: "custom",
            path: [key],
            message: `${key} is for limitType Customize only (Tencent keeps lists for it alone)`,
          });
        }
      }
    }
  });

/** The inputs of tencentcloud.BackupDownloadRestriction, as `check` leaves them. */
export type RestrictionInputs = z.output<typeof RestrictionInputsSchema>;

/** What state records: the restriction as Tencent has it (a refresh reads it), and the region as written. */
export interface RestrictionOutputs extends RestrictionInputs {
  vpcComparisonSymbol: "In";
  ipComparisonSymbol: "In" | "NotIn";
  limitVpcs: { region: string; vpcList: string[] }[];
  limitIps: string[];
}
