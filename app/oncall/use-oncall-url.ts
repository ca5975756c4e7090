"use client";
import { useQueryStates } from "nuqs";
import { oncallUrlParsers, serializeOncallQuery } from "@/lib/oncall/url-state";

/** The screen's URL state; the API's query string is written from it with the same serializer. */
export function useOncallUrl() {
  const [params, setParams] = useQueryStates(oncallUrlParsers, { history: "replace" });
  return { params, setParams, apiSearch: serializeOncallQuery(params) };
}
