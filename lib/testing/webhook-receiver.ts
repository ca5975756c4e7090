import http from "node:http";
import type { AddressInfo } from "node:net";

export interface WebhookReceiver {
  url: string;
  /** The JSON bodies accepted, in order. */
  received: unknown[];
  /** Requests seen, accepted or not. */
  attempts: number;
  close(): Promise<void>;
}

/**
 * A local chat webhook that records what it got. `answer` decides each reply by attempt number:
 * a status and body, or "hang" to never answer.
 */
export async function startWebhookReceiver(answer: (attempt: number) => { status: number; body?: string } | "hang" = () => ({ status: 200 })): Promise<WebhookReceiver> {
  const receiver = { url: "", received: [] as unknown[], attempts: 0, close: async () => undefined };
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      const reply = answer(++receiver.attempts);
      if (reply === "hang") return;
      if (reply.status >= 200 && reply.status < 300) receiver.received.push(JSON.parse(body));
      res.writeHead(reply.status, { "content-type": "application/json" }).end(reply.body ?? "{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook/secret-token-123`;
  receiver.close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return receiver;
}
