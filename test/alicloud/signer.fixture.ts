/**
 * RPC signature v1 vectors from ../shared/reference/cloud-apis.md §2.2: Alibaba's published GET
 * example (recomputed), the same parameters signed for POST, and the R-KVStore-shaped POST vector
 * that `@alicloud/openapi-util` getRPCSignature agrees with. Data only.
 */
export interface RpcVector {
  name: string;
  method: string;
  secret: string;
  params: Record<string, string>;
  /** The string to sign, when the source spells it out. */
  stringToSign?: string;
  /** A substring the canonicalized query must contain. */
  canonicalContains?: string;
  signature: string;
}

const describeRegions = {
  AccessKeyId: "testid",
  Action: "DescribeRegions",
  Format: "XML",
  SignatureMethod: "HMAC-SHA1",
  SignatureNonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
  SignatureVersion: "1.0",
  Timestamp: "2016-02-23T12:46:24Z",
  Version: "2014-05-26",
};

export const rpcVectors: RpcVector[] = [
  {
    name: "official GET example (DescribeRegions)",
    method: "GET",
    secret: "testsecret",
    params: describeRegions,
    stringToSign:
      "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26",
    signature: "OLeaidS1JvxuMvnyHOwuJ+uX5qY=",
  },
  {
    name: "the same parameters with POST",
    method: "POST",
    secret: "testsecret",
    params: describeRegions,
    signature: "MxbnVAM4w6sft9xjVpe/GCKueuk=",
  },
  {
    name: "R-KVStore CreateBackup, POST",
    method: "POST",
    secret: "testsecret",
    params: {
      AccessKeyId: "testid",
      Action: "CreateBackup",
      Format: "JSON",
      InstanceId: "r-bp1zxszhcgatnx****",
      RegionId: "cn-hangzhou",
      SignatureMethod: "HMAC-SHA1",
      SignatureNonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
      SignatureVersion: "1.0",
      Timestamp: "2023-11-14T22:13:20Z",
      Version: "2015-01-01",
    },
    canonicalContains: "InstanceId=r-bp1zxszhcgatnx%2A%2A%2A%2A",
    signature: "psCd0+rc3lRbeTbwtWPM/zh6DGk=",
  },
];

/** Percent-encoding cases (RFC 3986 as the RPC signature uses it). */
export const encodingCases: [string, string][] = [
  ["a b", "a%20b"],
  ["~", "~"],
  ["/", "%2F"],
  [":", "%3A"],
  ["*", "%2A"],
  ["!'()", "%21%27%28%29"],
  ["+=", "%2B%3D"],
  ["é", "%C3%A9"],
  ["A-Z_a.z0", "A-Z_a.z0"],
];
