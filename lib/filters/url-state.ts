import { createParser, createSerializer } from "nuqs/server";
import { DEFAULT_LIMIT, DEFAULT_SORT, taskQueryParams } from "./task-query";

const asUrlParser = <T>(kind: { parse(raw: string): T | null; serialize(value: T): string }) =>
  createParser<T>({ parse: kind.parse, serialize: kind.serialize });

/**
 * The same filter definitions as nuqs parsers, for the browser's URL state. A value the server
 * would refuse reads as absent here, so a hand-edited link degrades to a wider view, never a crash.
 */
export const taskQueryUrlParsers = {
  status: asUrlParser(taskQueryParams.status),
  fileId: asUrlParser(taskQueryParams.fileId),
  type: asUrlParser(taskQueryParams.type),
  outcome: asUrlParser(taskQueryParams.outcome),
  errorCode: asUrlParser(taskQueryParams.errorCode),
  fileName: asUrlParser(taskQueryParams.fileName),
  createdAfter: asUrlParser(taskQueryParams.createdAfter),
  createdBefore: asUrlParser(taskQueryParams.createdBefore),
  finishedAfter: asUrlParser(taskQueryParams.finishedAfter),
  finishedBefore: asUrlParser(taskQueryParams.finishedBefore),
  sort: asUrlParser(taskQueryParams.sort).withDefault(DEFAULT_SORT),
  limit: asUrlParser(taskQueryParams.limit).withDefault(DEFAULT_LIMIT),
  subAppId: asUrlParser(taskQueryParams.subAppId),
};

/** Writes a query string in the one spelling both the page URL and the API accept. */
export const serializeTaskQuery = createSerializer(taskQueryUrlParsers);
