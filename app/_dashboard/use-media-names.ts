"use client";
import { useQueries } from "@tanstack/react-query";
import { useMemo } from "react";
import type { FileNames } from "@/lib/client/file-name-filter";
import { combineNames, mediaNamesOptions, nameBatches } from "@/lib/client/media-name-queries";
import type { TaskPage } from "@/lib/model/task";

/**
 * The names of the files of the loaded pages, asked of /api/media-names a page at a time and
 * kept 10 minutes; a file whose name is not known yet is absent from the map.
 */
export function useMediaNames(pages: readonly TaskPage[] | undefined, subAppId: number | null, enabled: boolean): FileNames {
  const batches = useMemo(() => nameBatches(pages), [pages]);
  return useQueries({ queries: batches.map((fileIds) => mediaNamesOptions(subAppId, fileIds, enabled)), combine: combineNames });
}
