import "server-only";
import http from "node:http";
import https from "node:https";
import * as tencentcloud from "tencentcloud-sdk-nodejs-vod";
import type { ServerEnv } from "@/lib/config/server-env";
import type { SendToUpstream } from "./gateway";

/**
 * The official SDK client, one per process: it signs every request (TC3-HMAC-SHA256). The
 * explicit keep-alive agent reuses connections, and also stops the SDK from routing a local
 * endpoint through `http_proxy`, which it otherwise does even for 127.0.0.1.
 */
export function createSdkSender(env: ServerEnv, timeoutSeconds = 15): SendToUpstream {
  const agentOptions = { keepAlive: true, maxSockets: 128 };
  const agent = env.endpoint.protocol === "http://" ? new http.Agent(agentOptions) : new https.Agent(agentOptions);
  const client = new tencentcloud.vod.v20180717.Client({
    credential: { secretId: env.credential.secretId, secretKey: env.credential.secretKey, token: env.credential.token },
    region: "",
    profile: { httpProfile: { endpoint: env.endpoint.host, protocol: env.endpoint.protocol, reqTimeout: timeoutSeconds, agent } },
  });
  return (action, request, signal) => client.request(action, request, { signal });
}
