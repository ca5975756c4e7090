"use client";
import { useQuery } from "@tanstack/react-query";
import { createContext, useContext } from "react";
import type { FileNames } from "@/lib/client/file-name-filter";
import { mediaNamesOptions } from "@/lib/client/media-name-queries";

/** The names the page knows of the files it has loaded (see useMediaNames). */
export const FileNamesContext = createContext<FileNames>(new Map());

/** The file's name when known; a detail opened for a file the page has not loaded asks for it alone. */
export function useFileName(fileId: string, subAppId: number | null = null): string | null | undefined {
  const known = useContext(FileNamesContext);
  const inPage = known.has(fileId);
  const own = useQuery(mediaNamesOptions(subAppId, fileId ? [fileId] : [], !inPage));
  return inPage ? known.get(fileId) : own.data?.names[fileId];
}

/** The file's name on a line of its own, cut to its box and whole on hover; nothing while unknown. */
export function FileName({ fileId, className = "" }: { fileId: string; className?: string }) {
  const name = useContext(FileNamesContext).get(fileId);
  if (!name) return null;
  return <span title={name} data-testid="file-name" className={`block truncate ${className}`}>{name}</span>;
}
