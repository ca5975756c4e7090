"use client";
import { useState, type FormEvent, type Ref } from "react";
import { ApiRequestError, describeError } from "@/lib/client/api-error";
import { fetchJson } from "@/lib/client/fetch-json";
import { formatTimestamp } from "@/lib/client/format-time";
import { idTarget, taskTarget, type IdTarget } from "@/lib/client/id-target";
import type { IdLookup, SessionTask } from "@/lib/model/id-lookup";
import { controlClass, buttonClass } from "./filter-bar/styles";
import { CloseIcon } from "./icons";

type Navigate = Extract<IdTarget, { kind: "navigate" }>;

interface GoToIdProps {
  /** The SubAppIds the dashboard offers (the first is the default); searched by the server, the current one first. */
  subAppIds: readonly number[];
  currentSubAppId: number | null;
  onNavigate: (target: Navigate) => void;
  zone: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
}

type Answer =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "message"; text: string; tone: "info" | "error" }
  | { kind: "choose"; sessionId: string; tasks: SessionTask[] };

/**
 * One box for a pasted TaskId, FileId or SessionId: the server (GET /api/lookup) finds which it is
 * and in which application; a task opens its detail in its app's view, a file filters the view by
 * it, a session lists its tasks. An ID nobody knows is said so beside the box.
 */
export function GoToId({ subAppIds, currentSubAppId, onNavigate, zone, inputRef }: GoToIdProps) {
  const [text, setText] = useState("");
  const [answer, setAnswer] = useState<Answer>({ kind: "idle" });

  const go = (target: Navigate) => {
    onNavigate(target);
    setAnswer(target.alsoIn.length
      ? { kind: "message", tone: "info", text: `This file also has tasks in ${target.alsoIn.join(", ")}: choose the app in SubAppId to see them.` }
      : { kind: "idle" });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const id = text.trim();
    if (!id) return;
    setAnswer({ kind: "busy" });
    const query = new URLSearchParams({ id });
    if (currentSubAppId !== null) query.set("subAppId", String(currentSubAppId));
    try {
      const found = await fetchJson<IdLookup>(`/api/lookup?${query}`);
      const target = idTarget(found, subAppIds);
      if (target.kind === "choose") setAnswer({ kind: "choose", sessionId: target.sessionId, tasks: target.tasks });
      else go(target);
    } catch (error) {
      const unknown = error instanceof ApiRequestError && error.status === 404;
      setAnswer({ kind: "message", tone: unknown ? "info" : "error", text: unknown ? `Unknown ID: ${error.message.replace(/^id: /, "")}.` : `Could not look it up: ${describeError(error)}` });
    }
  };

  return (
    <div role="search" className="relative max-sm:order-last max-sm:w-full" aria-label="Go to a task, file or session">
      <form onSubmit={submit} className="flex items-center gap-1.5">
        <label htmlFor="go-to-id" className="sr-only">TaskId, FileId or SessionId</label>
        <input id="go-to-id" ref={inputRef} type="search" value={text} spellCheck={false} autoComplete="off" placeholder="Go to TaskId, FileId, SessionId"
          onChange={(event) => {
            setText(event.target.value);
            if (answer.kind === "message") setAnswer({ kind: "idle" });
          }}
          aria-describedby={answer.kind === "message" || answer.kind === "choose" ? "go-to-id-answer" : undefined}
          className={`${controlClass} min-w-0 flex-1 font-mono text-xs sm:w-60`} data-testid="go-to-id" />
        <button type="submit" className={buttonClass} disabled={answer.kind === "busy"}>{answer.kind === "busy" ? "Looking…" : "Go"}</button>
      </form>
      {answer.kind === "message" || answer.kind === "choose" ? (
        <div id="go-to-id-answer" role="status" data-testid="go-to-id-answer"
          className={`absolute right-0 z-40 mt-1 w-full min-w-0 rounded-md border bg-white p-2 text-xs shadow-lg sm:w-96 dark:bg-zinc-900 ${answer.kind === "message" && answer.tone === "error"
            ? "border-rose-300 text-rose-800 dark:border-rose-500/40 dark:text-rose-200" : "border-zinc-300 text-zinc-800 dark:border-zinc-700 dark:text-zinc-200"}`}>
          <div className="flex items-start gap-2">
            <div className="min-w-0 flex-1 break-words">
              {answer.kind === "message" ? answer.text : (
                <>
                  <p className="mb-1 font-medium">Session <code className="font-mono">{answer.sessionId}</code>: {answer.tasks.length} tasks{answer.tasks.length >= 20 ? " (the newest 20)" : ""}</p>
                  <ul className="max-h-64 space-y-0.5 overflow-y-auto">
                    {answer.tasks.map((task) => (
                      <li key={task.taskId}>
                        <button type="button" className="w-full truncate rounded px-1 py-0.5 text-left font-mono hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-zinc-800"
                          onClick={() => go(taskTarget(task.taskId, task.subAppId, subAppIds) as Navigate)}>
                          {task.taskType} · {task.status} · {formatTimestamp(task.createTime, zone)} · {task.taskId}
                        </button>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
            <button type="button" aria-label="Dismiss" onClick={() => setAnswer({ kind: "idle" })}
              className="rounded p-0.5 text-zinc-500 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:text-white">
              <CloseIcon className="size-3.5" />
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
