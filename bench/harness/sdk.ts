import http from "node:http";
import * as tencentcloud from "tencentcloud-sdk-nodejs-vod";
import type { DescribeTasksRequest } from "@/lib/vod/wire";

export interface SdkClient {
  describeTasks(request: DescribeTasksRequest): Promise<{ TaskSet: unknown[]; ScrollToken: string; RequestId: string }>;
}

/**
 * The official SDK pointed at the emulator, as a naive server would use it. The explicit
 * keep-alive agent both reuses connections and stops the SDK from going through http_proxy.
 */
export function sdkClient(endpointUrl: string, key: { secretId: string; secretKey: string }, maxSockets = 256): SdkClient {
  const url = new URL(endpointUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const client = new tencentcloud.vod.v20180717.Client({
    credential: key,
    region: "",
    profile: { httpProfile: { endpoint: url.host, protocol: "http://", reqTimeout: 15, agent } },
  });
  return {
    describeTasks: (request) => client.request("DescribeTasks", request) as never,
  };
}
