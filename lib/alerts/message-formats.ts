import type { ReceiverKind } from "@/lib/config/alert-env";
import { headline, type AlertEvent } from "./alert-event";

/**
 * The body each kind of receiver documents for an incoming message:
 * - json: the event itself;
 * - slack: an incoming webhook's `{text}` in mrkdwn, `<url|label>` for the link;
 * - wecom: a WeCom group robot's `{msgtype: "markdown", markdown: {content}}`;
 * - feishu: a Feishu/Lark custom bot's `{msg_type: "text", content: {text}}`.
 */
export function messageFor(kind: ReceiverKind, event: AlertEvent): object {
  const title = headline(event);
  const reasons = event.reasons.map((reason) => `• ${reason}`);
  switch (kind) {
    case "json":
      return { ...event, title };
    case "slack":
      return { text: [`*${title}*`, ...reasons, `<${event.link}|Open the on-call view>`].join("\n") };
    case "wecom":
      return { msgtype: "markdown", markdown: { content: [`**${title}**`, ...reasons.map((r) => `> ${r}`), `[Open the on-call view](${event.link})`].join("\n") } };
    case "feishu":
      return { msg_type: "text", content: { text: [title, ...reasons, `Open the on-call view: ${event.link}`].join("\n") } };
  }
}

/**
 * Whether the receiver took the message. WeCom and Feishu answer HTTP 200 with an error code in
 * the body when they refuse one (a wrong key, a rate limit), so their body is read too.
 */
export function accepted(kind: ReceiverKind, status: number, body: string): boolean {
  if (status < 200 || status > 299) return false;
  if (kind !== "wecom" && kind !== "feishu") return true;
  try {
    const answer = JSON.parse(body) as { errcode?: number; code?: number; StatusCode?: number };
    return (answer.errcode ?? answer.code ?? answer.StatusCode ?? 0) === 0;
  } catch {
    return false;
  }
}
