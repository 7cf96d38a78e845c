/**
 * TC3 vectors from ../shared/reference/cloud-apis.md §1.3 (Tencent's "Signature v3" pages and the
 * official signature-process-demo; the Redis-shaped one was matched by tencentcloud-sdk-nodejs Sign.sign3).
 * Data only.
 */
const cvmPayload =
  '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}';

const cvmCommon = {
  host: "cvm.tencentcloudapi.com",
  service: "cvm",
  contentType: "application/json; charset=utf-8",
  payload: cvmPayload,
  timestamp: 1551113065,
};

import type { Tc3Request } from "../../provider/tencentcloud/signer";

export interface Tc3Vector {
  name: string;
  request: Tc3Request;
  payloadHash: string;
  canonicalRequestHash: string;
  credentialScope: string;
  signature: string;
  authorization?: string;
}

/** The Redis-shaped request of cloud-apis.md's vector, signed for `host`. */
const redisShaped = (host: string) => ({
  request: {
    host,
    service: "redis",
    contentType: "application/json",
    payload: '{"InstanceId":"crs-xjhsdj01","Remark":"pulumi-abc123","StorageDays":7}',
    timestamp: 1700000000,
    secretId: "AKIDEXAMPLE",
    secretKey: "SECRETEXAMPLE",
  },
  payloadHash: "dfb5e6222dbc4f1c004325df63ab53f772cba9e5f07da572eff2ebfd0eff803b",
  credentialScope: "2023-11-14/redis/tc3_request",
});

export const tc3Vectors: Tc3Vector[] = [
  {
    name: "A: EXAMPLE keys, content-type;host (tencentcloud.com curl example)",
    request: {
      ...cvmCommon,
      secretId: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
      secretKey: "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
    },
    payloadHash: "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064",
    canonicalRequestHash: "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031",
    credentialScope: "2019-02-25/cvm/tc3_request",
    signature: "72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
    authorization:
      "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
  },
  {
    name: "B: masked keys, content-type;host (older CN doc)",
    request: {
      ...cvmCommon,
      secretId: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******",
      secretKey: "Gu5t9xGARNpq86cd98joQYCN3*******",
    },
    payloadHash: "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064",
    canonicalRequestHash: "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031",
    credentialScope: "2019-02-25/cvm/tc3_request",
    signature: "2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c",
  },
  {
    name: "C: masked keys, content-type;host;x-tc-action (current CN doc, signature-process-demo)",
    request: {
      ...cvmCommon,
      secretId: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******",
      secretKey: "Gu5t9xGARNpq86cd98joQYCN3*******",
      action: "DescribeInstances",
    },
    payloadHash: "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064",
    canonicalRequestHash: "7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84",
    credentialScope: "2019-02-25/cvm/tc3_request",
    signature: "be4f67d323c78ab9acb7395e43c0dbcf822a9cfac32fea2449a7bc7726b770a3",
  },
  {
    name: "Redis-shaped: ManualBackupInstance body, application/json",
    ...redisShaped("redis.tencentcloudapi.com"),
    canonicalRequestHash: "3336f79ff51559f79f9e4bbf8428375b20a5fc0e6763311db442d4878726155d",
    signature: "961c434fbc08a6e33f307bcb104463d1483c589ef534d8720926cad5d8596eb9",
  },
  // Finance hosts: the same request signed for the host a finance region is dialled at (service
  // stays redis). Computed by the researcher, not published by Tencent (vendor-research.md §1.5).
  ...[
    [
      "redis.ap-shanghai-fsi.tencentcloudapi.com",
      "3cd3ab2ff6b06a4a2236ccfa224b2c4acb067e4b90a953ef0f2ba98b2279e9bf",
      "5b2230143ef8d6ffcccafc478c54aa4090e20c18b006dcc33145a4a88a74ae41",
    ],
    [
      "redis.ap-shenzhen-fsi.tencentcloudapi.com",
      "dec711126a677dcec8a531f79275d01cd73e39f29fd8c3ec58f1d691c43774a6",
      "ae05974957e82fce52c8673346d9ba76f07ea95ecf15a727a0f733bf6b2acc8c",
    ],
    [
      "redis.ap-beijing-fsi.tencentcloudapi.com",
      "3f840ea47559ad203c8e5452be45c4422629bdf52c788f395c6e30928501e861",
      "a6b531d2a2039aeb83d5847241721246f6214275b20c2de10cb86040809084d0",
    ],
  ].map(([host, canonicalRequestHash, signature]) => ({
    name: `Redis-shaped, finance host ${host}`,
    ...redisShaped(host),
    canonicalRequestHash,
    signature,
  })),
];
