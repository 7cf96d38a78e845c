/**
 * ACS3-HMAC-SHA256 (signature V3) vectors. The first is the vendor's worked example from the
 * step-by-step text of "Request syntax and signature method V3"
 * (https://help.aliyun.com/document_detail/2593177.html): its header table at the top of the page
 * shows another x-acs-date and nonce beside the same signature, values that cannot produce it; the
 * steps' values (10:22:32Z, 3156853299…) do. The R-KVStore-shaped ones were computed by the
 * researcher in Python and Node from the published algorithm (vendor-research.md §7.2–7.3). Data only.
 */
import type { Acs3Request } from "../../provider/alicloud/signerV3";

export interface Acs3Vector {
  name: string;
  request: Acs3Request;
  accessKeyId: string;
  accessKeySecret: string;
  canonicalQueryString: string;
  canonicalRequestHash: string;
  signature: string;
  authorization?: string;
}

const EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const keys = { accessKeyId: "YourAccessKeyId", accessKeySecret: "YourAccessKeySecret" };

const rkvstore = (method: string, action: string, query: Record<string, string>): Acs3Request => ({
  method,
  canonicalUri: "/",
  query,
  headers: {
    host: "r-kvstore.aliyuncs.com",
    "x-acs-action": action,
    "x-acs-content-sha256": EMPTY,
    "x-acs-date": "2023-11-14T22:13:20Z",
    "x-acs-signature-nonce": "3156853299f313e23d1673dc12e1703d",
    "x-acs-version": "2015-01-01",
  },
  payloadHash: EMPTY,
});

export const acs3Vectors: Acs3Vector[] = [
  {
    name: "the vendor's worked example: ECS RunInstances",
    ...keys,
    request: {
      method: "POST",
      canonicalUri: "/",
      query: { ImageId: "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd", RegionId: "cn-shanghai" },
      headers: {
        host: "ecs.cn-shanghai.aliyuncs.com",
        "x-acs-action": "RunInstances",
        "x-acs-content-sha256": EMPTY,
        "x-acs-date": "2023-10-26T10:22:32Z",
        "x-acs-signature-nonce": "3156853299f313e23d1673dc12e1703d",
        "x-acs-version": "2014-05-26",
      },
      payloadHash: EMPTY,
    },
    canonicalQueryString: "ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai",
    canonicalRequestHash: "7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259",
    signature: "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0",
    authorization:
      "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0",
  },
  {
    name: "R-KVStore CreateBackup, POST (researcher-computed)",
    ...keys,
    request: rkvstore("POST", "CreateBackup", {
      InstanceId: "r-bp1zxszhcgatnx****",
      RegionId: "cn-hangzhou",
    }),
    canonicalQueryString: "InstanceId=r-bp1zxszhcgatnx%2A%2A%2A%2A&RegionId=cn-hangzhou",
    canonicalRequestHash: "a1e5a4e675fff2ae73e0907ae5caf6a6882cbdf480380a2d408664c44452c243",
    signature: "6a4b66b07e283e7857bc7977b44520555fa99793e0576b4f319c6c3f1b50c405",
  },
  {
    name: "R-KVStore DescribeClusterBackupList, GET (researcher-computed)",
    ...keys,
    request: rkvstore("GET", "DescribeClusterBackupList", {
      EndTime: "2023-11-15T00:00Z",
      InstanceId: "r-t4nj72oug5r5646qog",
      PageNumber: "1",
      PageSize: "30",
      RegionId: "cn-zhangjiakou",
      StartTime: "2023-11-01T00:00Z",
    }),
    canonicalQueryString:
      "EndTime=2023-11-15T00%3A00Z&InstanceId=r-t4nj72oug5r5646qog&PageNumber=1&PageSize=30&RegionId=cn-zhangjiakou&StartTime=2023-11-01T00%3A00Z",
    canonicalRequestHash: "a2d2bc28f2a9db88daff93026633c0f12d6577bd065fefe5a4e22ed2ec589190",
    signature: "e8e6c38d118a62c3d71f9ac5f5bf31714476159a320f3120b4fcce766acca624",
  },
];
