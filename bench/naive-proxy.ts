/**
 * The baseline: a dashboard API with no gateway. Every GET /api/tasks makes one DescribeTasks call
 * through the official SDK and answers with its result: no sharing, no cache, no budget.
 * Run as its own process: PORT and VOD_ENDPOINT (http://127.0.0.1:<emulator port>) from the env.
 */
import http from "node:http";
import { toDescribeTasksRequest } from "@/lib/filters/describe-tasks-request";
import { parseTaskQuery } from "@/lib/filters/task-query";
import { resolveTimeWindow } from "@/lib/filters/time-window";
import { normalizeTask } from "@/lib/vod/normalize-task";
import type { UpstreamTask } from "@/lib/vod/response-shapes";
import { EMULATOR_KEY, SUBAPP_ID } from "./harness/emulator";
import { sdkClient } from "./harness/sdk";

const sdk = sdkClient(process.env.VOD_ENDPOINT ?? "http://127.0.0.1:4510", EMULATOR_KEY);

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname !== "/api/tasks") return send(res, 404, { error: { code: "NotFound", message: url.pathname } });
  const query = parseTaskQuery(url.searchParams, { subAppIds: [SUBAPP_ID] });
  if (!query.ok) return send(res, 400, { error: { code: "InvalidParameter", message: query.message } });
  const window = resolveTimeWindow(query.value, Date.now());
  if (!window.ok) return send(res, 400, { error: { code: "InvalidParameter", message: window.message } });
  try {
    const page = await sdk.describeTasks(toDescribeTasksRequest(query.value, window.value, { limit: query.value.limit }));
    send(res, 200, { tasks: (page.TaskSet as UpstreamTask[]).map(normalizeTask), nextCursor: page.ScrollToken || null, requestId: page.RequestId });
  } catch (error) {
    send(res, 502, { error: { code: "Upstream", message: error instanceof Error ? error.message : String(error) } });
  }
});

server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  console.log(`naive proxy on ${JSON.stringify(server.address())}`);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => server.close(() => process.exit(0)));
