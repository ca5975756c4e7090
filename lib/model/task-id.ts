/**
 * What a TaskId may look like, for every place that takes one from a user (the API's path, the
 * page's `task` parameter, the updates route's `ids`): upstream's IDs are letters, digits and
 * `-` (`1500000001-procedurev2-4f0c…`); a few more safe characters are allowed, nothing that could
 * escape a path or a log line.
 */
export const TASK_ID_RULE = "at most 128 letters, digits, '.', ':', '_' or '-'";

const TASK_ID = /^[\w.:-]{1,128}$/;

export function isTaskId(raw: string): boolean {
  return TASK_ID.test(raw);
}
