import { EmptyState, ListEnd, LoadError, SkeletonRows } from "@/components/task-table/table-footer";
import type { EmptyReason } from "@/lib/client/empty-view";
import type { ColumnId } from "@/lib/client/table-columns";
import type { FilterPatch } from "@/lib/client/view-query";
import type { TaskFeed } from "./use-task-feed";

interface TableFooterProps {
  feed: TaskFeed;
  ready: boolean;
  scanning: boolean;
  filtered: boolean;
  onClear: () => void;
  zone: string | undefined;
  /** Why an empty view is empty, and the steps that widen it. */
  reasons: EmptyReason[];
  onWiden: (patch: FilterPatch) => void;
  /** The table's columns, which the first load's placeholder rows take. */
  columns: readonly ColumnId[];
}

/** Which of the list's states shows under the header: first load, failure, empty, more, or the end. */
export function TableFooter({ feed, ready, scanning, filtered, onClear, zone, reasons, onWiden, columns }: TableFooterProps) {
  const { list, rows } = feed;
  const scannedThrough = list.data?.pages.at(-1)?.scannedThrough;
  // Nothing loaded and failing: the error stays in view while the list retries.
  if (!list.data && feed.failing) return <LoadError error={feed.failing.error} onRetry={() => void list.refetch()} />;
  if (!ready || (list.isPending && !list.isError)) return <SkeletonRows columns={columns} />;
  if (list.isError && !list.data) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  if (rows.length === 0 && !list.hasNextPage) return <EmptyState filtered={filtered} onClear={onClear} scanned={scanning} reasons={reasons} onWiden={onWiden} />;
  return (
    <ListEnd count={rows.length} hasNextPage={list.hasNextPage} loading={list.isFetchingNextPage}
      error={list.isFetchNextPageError ? list.error : null} onLoadMore={() => void list.fetchNextPage()} scanning={scanning} scannedThrough={scannedThrough} zone={zone} />
  );
}
