/**
 * Query strings every route that reads the task filters must refuse with a 400 naming the
 * parameter (the second element), before any upstream call.
 */
export const BAD_TASK_QUERIES: ReadonlyArray<readonly [string, string]> = [
  ["?status=DONE", "status"],
  ["?status=ABORTED", "status"],
  ["?status=WAITING&status=FINISH", "status"],
  ["?limit=0", "limit"],
  ["?limit=101", "limit"],
  ["?limit=ten", "limit"],
  ["?limit=1.5", "limit"],
  ["?sort=createTime", "sort"],
  ["?sort=taskId:asc", "sort"],
  ["?createdAfter=yesterday", "createdAfter"],
  ["?createdBefore=0001-01-01T00:00:00Z", "createdBefore"],
  ["?finishedAfter=now-6y", "finishedAfter"],
  ["?finishedBefore=2026-11-28T25:00:00Z", "finishedBefore"],
  ["?createdAfter=now-1h&createdBefore=now-2h", "createdBefore"],
  ["?finishedAfter=2026-11-28T10:00:00Z&finishedBefore=2026-11-28T10:00:00Z", "finishedBefore"],
  ["?fileId=a%20b", "fileId"],
  ["?fileId=" + "x".repeat(129), "fileId"],
  ["?type=Procedure;drop", "type"],
  ["?type=" + "x".repeat(65), "type"],
  ["?subAppId=42", "subAppId"],
  ["?subAppId=-1", "subAppId"],
  ["?subAppId=1e9", "subAppId"],
  ["?cursor=!!", "cursor"],
  ["?outcome=maybe", "outcome"],
  ["?outcome=FAILED", "outcome"],
  ["?outcome=failed&outcome=success", "outcome"],
];
